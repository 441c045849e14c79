/* Lock wrappers in the same file change their caller's context. */
struct q { spinlock_t lock; void *p, *r; };

static void q_lock(struct q *q)
{
	spin_lock(&q->lock);
}

static void q_unlock(struct q *q)
{
	spin_unlock(&q->lock);
}

void q_work(struct q *q)
{
	q_lock(q);
	q->p = kmalloc(8, GFP_KERNEL); // BUG: error: under q_lock(q) taken at line 16
	q_unlock(q);
	q->r = kmalloc(8, GFP_KERNEL);
}
