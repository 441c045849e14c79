/* One caller passes GFP_ATOMIC, another GFP_KERNEL, and the lock is taken here: the GFP_KERNEL caller is wrong. */
struct ring { spinlock_t idr_lock; struct idr bufs; };

static int ring_replenish(struct ring *r, void *buf, gfp_t gfp)
{
	int id;

	spin_lock_bh(&r->idr_lock);
	id = idr_alloc(&r->bufs, buf, 0, 64, gfp); // BUG: error: idr_alloc() with GFP_KERNEL may sleep (direct reclaim) under spin_lock_bh(&r->idr_lock) taken at line 8
	spin_unlock_bh(&r->idr_lock);
	return id;
}

int ring_fill(struct ring *r, void *buf)
{
	return ring_replenish(r, buf, GFP_KERNEL);
}

void ring_irq_refill(struct ring *r, void *buf)
{
	ring_replenish(r, buf, GFP_ATOMIC);
}
