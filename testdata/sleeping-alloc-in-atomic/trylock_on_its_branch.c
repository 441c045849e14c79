/* A trylock holds the lock only on the branch where it succeeded. */
struct q { spinlock_t lock; void *p, *r, *s; };

int q_try(struct q *q)
{
	if (spin_trylock(&q->lock)) {
		q->p = kmalloc(8, GFP_KERNEL); // BUG: error: under spin_trylock(&q->lock)
		spin_unlock(&q->lock);
	} else {
		q->r = kmalloc(8, GFP_KERNEL);
	}
	if (!spin_trylock(&q->lock))
		return -EBUSY;
	q->s = kmalloc(8, GFP_KERNEL); // BUG: error: under spin_trylock(&q->lock) taken at line 12
	spin_unlock(&q->lock);
	return 0;
}
