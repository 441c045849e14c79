/* guard() holds the lock to the end of its block, and only there. */
struct q { spinlock_t lock; void *p, *r; };

void q_guarded(struct q *q, int more)
{
	if (more) {
		guard(spinlock)(&q->lock);
		q->p = kmalloc(8, GFP_KERNEL); // BUG: error: under guard(spinlock)(&q->lock)
	}
	q->r = kmalloc(8, GFP_KERNEL);
}

void q_guard_rcu(struct q *q)
{
	guard(rcu)();
	q->r = kmalloc(8, GFP_KERNEL); // BUG: error: under guard(rcu)
}

void q_guard_mutex(struct q *q, struct mutex *m)
{
	guard(mutex)(m);
	q->r = kmalloc(8, GFP_KERNEL);
}
