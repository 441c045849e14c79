/* GFP_KERNEL written directly under the lock. */
struct entry { int v; };
struct q { spinlock_t idr_lock; struct entry *e; };

int q_add(struct q *q)
{
	spin_lock(&q->idr_lock);
	q->e = kmalloc(sizeof(*q->e), GFP_KERNEL); // BUG: error: under spin_lock(&q->idr_lock) taken at line 7
	spin_unlock(&q->idr_lock);
	return q->e ? 0 : -ENOMEM;
}
