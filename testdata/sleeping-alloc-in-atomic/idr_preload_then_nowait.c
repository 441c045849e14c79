/* idr_preload(GFP_KERNEL) before the lock, GFP_NOWAIT under it: the documented idiom. */
struct reg { spinlock_t lock; struct idr idr; };

int reg_add(struct reg *r, void *ptr)
{
	int id;

	idr_preload(GFP_KERNEL);
	spin_lock(&r->lock);
	id = idr_alloc(&r->idr, ptr, 0, 0, GFP_NOWAIT);
	spin_unlock(&r->lock);
	idr_preload_end();
	return id;
}
