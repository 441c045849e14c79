/* scoped_guard() holds the lock in its braces only. */
struct q { spinlock_t lock; void *p, *r; };

int q_scoped(struct q *q)
{
	scoped_guard(spinlock_irqsave, &q->lock) {
		q->p = kmalloc(8, GFP_KERNEL); // BUG: error: under scoped_guard(spinlock_irqsave, &q->lock)
		if (!q->p)
			return -ENOMEM;
	}
	q->r = kmalloc(8, GFP_KERNEL);
	return 0;
}
