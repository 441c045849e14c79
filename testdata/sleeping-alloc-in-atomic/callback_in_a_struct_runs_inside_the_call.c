/* Functions handed to a call as members of a struct it is given (a file's operations table, or a local
   struct filled in before the call) run inside that call when it calls through the struct; a call that
   only stores the struct runs nothing. */
struct item_walk_ops {
	int (*visit)(struct item *it, void *data);
	void (*done)(void *data);
	int (*setup)(struct dev *d);
};

static int visit_alloc(struct item *it, void *data)
{
	struct rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	kfree(r);
	return 0;
}

static const struct item_walk_ops alloc_ops = {
	.visit = visit_alloc,
};

static int walk_with(struct list_head *l, const struct item_walk_ops *ops, void *data)
{
	struct item *it;

	list_for_each_entry(it, l, node)
		if (ops->visit(it, data))
			return 1;
	return 0;
}

/* Passed on to the function that calls through it. */
static int walk_dev(struct dev *d, const struct item_walk_ops *ops)
{
	return walk_with(&d->items, ops, d);
}

void scan_table_locked(struct dev *d)
{
	spin_lock(&d->lock);
	walk_dev(d, &alloc_ops); // BUG: warning: walk_dev() reaches kmalloc() with GFP_KERNEL
	spin_unlock(&d->lock);
}

static int visit_copy(struct item *it, void *data)
{
	void *p = kmemdup(it->buf, it->len, GFP_KERNEL);

	kfree(p);
	return 0;
}

void scan_local_locked(struct dev *d)
{
	struct item_walk_ops ops = { .visit = visit_copy };

	rcu_read_lock();
	walk_with(&d->items, &ops, d); // BUG: warning: walk_with() reaches kmemdup() with GFP_KERNEL
	rcu_read_unlock();
}

static int visit_late(struct item *it, void *data)
{
	void *p = kzalloc(32, GFP_KERNEL);

	kfree(p);
	return 0;
}

void scan_assigned_locked(struct dev *d)
{
	struct item_walk_ops ops = {};

	ops.visit = visit_late;
	spin_lock_bh(&d->lock);
	walk_with(&d->items, &ops, d); // BUG: warning: walk_with() reaches kzalloc() with GFP_KERNEL
	spin_unlock_bh(&d->lock);
}

/* Stored for later: not called under the lock. */
static void set_ops(struct dev *d, const struct item_walk_ops *ops)
{
	d->ops = ops;
}

void install_locked(struct dev *d)
{
	spin_lock(&d->lock);
	set_ops(d, &alloc_ops);
	spin_unlock(&d->lock);
}

/* Outside any lock the same walk is fine. */
void scan_table_unlocked(struct dev *d)
{
	walk_dev(d, &alloc_ops);
}

/* A call runs only the members it calls: check_owner() calls ops->visit, never ops->setup (which allocates). */
static int setup_alloc(struct dev *d)
{
	d->buf = kzalloc(256, GFP_KERNEL);
	return d->buf ? 0 : -ENOMEM;
}

static int visit_none(struct item *it, void *data)
{
	return it->owner == data;
}

static const struct item_walk_ops check_ops = {
	.visit = visit_none,
	.setup = setup_alloc,
};

static bool check_owner(struct dev *d, const struct item_walk_ops *ops, struct item *it)
{
	return ops->visit(it, d);
}

void check_locked(struct dev *d, struct item *it)
{
	spin_lock(&d->lock);
	check_owner(d, &check_ops, it);
	spin_unlock(&d->lock);
}
