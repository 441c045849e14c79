/* A function passed to a call that calls it (directly, or by passing it on) runs in the context held
   around that call; one the call only stores runs later, in a context of its own. */
static int count_cb(struct item *it, void *data)
{
	struct rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	kfree(r);
	return 0;
}

static int walk_items(struct list_head *l, int (*fn)(struct item *, void *), void *data)
{
	struct item *it;

	list_for_each_entry(it, l, node)
		if ((*fn)(it, data))
			return 1;
	return 0;
}

static int walk_all(struct dev *d, item_fn fn, void *data)
{
	return walk_items(&d->items, fn, data);
}

static void set_handler(struct dev *d, item_fn fn)
{
	d->handler = fn;
}

static int handler_cb(struct item *it, void *data)
{
	void *p = kmalloc(64, GFP_KERNEL);

	kfree(p);
	return 0;
}

void scan_locked(struct dev *d)
{
	spin_lock(&d->lock);
	walk_all(d, count_cb, d); // BUG: warning: walk_all() reaches kmalloc() with GFP_KERNEL
	set_handler(d, handler_cb);
	spin_unlock(&d->lock);
}

/* Outside any lock the same walk is fine. */
void scan_unlocked(struct dev *d)
{
	walk_all(d, count_cb, d);
}
