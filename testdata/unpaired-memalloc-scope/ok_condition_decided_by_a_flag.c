/* md: the second save is guarded by !suspend, and suspend was set with the first. */
void md_check_recovery_like(struct mddev *mddev)
{
	unsigned int noio_flags;
	bool suspend = false;

	if (mddev->ro == 0 && spares_need_change(mddev)) {
		suspend = true;
		noio_flags = memalloc_noio_save();
	}
	lock(mddev);
	if (!suspend && spares_need_change(mddev)) {
		suspend = true;
		noio_flags = memalloc_noio_save();
	}
	work(mddev);
	if (suspend)
		memalloc_noio_restore(noio_flags);
}

/* net: a toggled flag alternates save and restore in a loop. */
void receive_list(struct list_head *head)
{
	unsigned int noreclaim_flag = 0;
	bool pfmemalloc = false;
	struct sk_buff *skb;

	list_for_each_entry(skb, head, list) {
		if (skb_pfmemalloc(skb) != pfmemalloc) {
			pfmemalloc = !pfmemalloc;
			if (pfmemalloc)
				noreclaim_flag = memalloc_noreclaim_save();
			else
				memalloc_noreclaim_restore(noreclaim_flag);
		}
	}
	if (pfmemalloc)
		memalloc_noreclaim_restore(noreclaim_flag);
}
