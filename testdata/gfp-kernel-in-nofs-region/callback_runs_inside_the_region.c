// gfplint: kernel-version 4.11
/* A function passed to a call that calls it runs inside the caller's region and scopes: its own
   allocations are judged there, with the chain through the call that passes it. */
static int walk_items(struct list_head *l, int (*fn)(struct item *, void *), void *data)
{
	struct item *it;

	list_for_each_entry(it, l, node)
		if (fn(it, data))
			return 1;
	return 0;
}

static int region_cb(struct item *it, void *data)
{
	void *p = kmalloc(64, GFP_KERNEL); // BUG: warning: reached from a region (in_region) that needs NOFS

	kfree(p);
	return 0;
}

int in_region(struct inode *inode, struct dev *d)
{
	handle_t *h = jbd2_journal_start(inode->journal, 1);
	int ret = walk_items(&d->items, region_cb, d);

	jbd2_journal_stop(h);
	return ret;
}

/* The same region, with a scope open around the call (memalloc_noio_save: 4.11 has no NOFS scope yet): the
   callback's GFP_KERNEL is covered. */
static int scoped_cb(struct item *it, void *data)
{
	void *p = kmalloc(64, GFP_KERNEL);

	kfree(p);
	return 0;
}

int in_region_scoped(struct inode *inode, struct dev *d)
{
	handle_t *h = jbd2_journal_start(inode->journal, 1);
	unsigned int noio = memalloc_noio_save();
	int ret = walk_items(&d->items, scoped_cb, d);

	memalloc_noio_restore(noio);
	jbd2_journal_stop(h);
	return ret;
}

/* A function only stored by the call it is passed to runs later, outside the region. */
static void set_handler(struct dev *d, item_fn fn)
{
	d->handler = fn;
}

static int later_cb(struct item *it, void *data)
{
	void *p = kmalloc(64, GFP_KERNEL);

	kfree(p);
	return 0;
}

int in_region_stored(struct inode *inode, struct dev *d)
{
	handle_t *h = jbd2_journal_start(inode->journal, 1);

	set_handler(d, later_cb);
	jbd2_journal_stop(h);
	return 0;
}
