/* The caller takes the lock, but drops it before calling the helper that allocates. */
struct chunk { spinlock_t lock; int populated; };

static int chunk_populate(struct chunk *c)
{
	void *pages = kcalloc(16, sizeof(void *), GFP_KERNEL);

	return pages ? 0 : -ENOMEM;
}

void chunk_balance(struct chunk *c)
{
	int todo;

	spin_lock_irq(&c->lock);
	todo = !c->populated;
	spin_unlock_irq(&c->lock);
	if (todo)
		chunk_populate(c);
}
