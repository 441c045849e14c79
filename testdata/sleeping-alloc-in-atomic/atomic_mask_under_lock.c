/* GFP_ATOMIC and GFP_NOWAIT do not sleep: correct under a spinlock. */
struct q { spinlock_t lock; void *a, *b; };

void q_refill(struct q *q)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	q->a = kmalloc(32, GFP_ATOMIC);
	q->b = kmalloc(32, GFP_NOWAIT);
	spin_unlock_irqrestore(&q->lock, flags);
}
