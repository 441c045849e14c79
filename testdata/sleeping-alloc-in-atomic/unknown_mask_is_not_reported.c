/* A mask the model cannot evaluate is not judged. */
struct q { spinlock_t lock; void *p; };

void q_store(struct q *q, unsigned int how)
{
	spin_lock(&q->lock);
	q->p = kmalloc(8, q_mask_for(how));
	spin_unlock(&q->lock);
}
