/* The lock is dropped around the allocation and taken back. */
struct q { spinlock_t lock; void *spare; };

int q_get_spare(struct q *q)
{
	void *p;

	spin_lock(&q->lock);
	if (!q->spare) {
		spin_unlock(&q->lock);
		p = kmalloc(128, GFP_KERNEL);
		spin_lock(&q->lock);
		if (!q->spare)
			q->spare = p;
		else
			kfree(p);
	}
	spin_unlock(&q->lock);
	return 0;
}
