/* The usual fix: allocate before taking the lock, or after dropping it. */
struct q { spinlock_t lock; void *slot; };

int q_fill(struct q *q)
{
	void *p = kmalloc(64, GFP_KERNEL);
	void *old;

	if (!p)
		return -ENOMEM;
	spin_lock_irq(&q->lock);
	old = q->slot;
	q->slot = p;
	spin_unlock_irq(&q->lock);
	kfree(old);
	q->slot = kzalloc(16, GFP_KERNEL);
	return 0;
}
