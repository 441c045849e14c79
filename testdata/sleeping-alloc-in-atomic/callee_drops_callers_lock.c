/* The callee releases the lock its caller holds, allocates, and takes it back. */
struct q { spinlock_t lock; void *p; };

static void q_grow(struct q *q)
{
	void *p;

	spin_unlock(&q->lock);
	p = kmalloc(4096, GFP_KERNEL);
	spin_lock(&q->lock);
	q->p = p;
}

void q_push(struct q *q)
{
	spin_lock(&q->lock);
	if (!q->p)
		q_grow(q);
	spin_unlock(&q->lock);
}
