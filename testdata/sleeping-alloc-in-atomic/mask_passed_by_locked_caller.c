/* A wrapper's gfp parameter: the caller under the lock passes GFP_KERNEL; reported where it passes it. */
struct pool { spinlock_t lock; void *p; };

static void *pool_alloc(struct pool *pl, gfp_t gfp)
{
	return kmalloc(128, gfp);
}

void pool_refill(struct pool *pl)
{
	spin_lock(&pl->lock);
	pl->p = pool_alloc(pl, GFP_KERNEL); // BUG: warning: pool_alloc() reaches kmalloc() with GFP_KERNEL
	spin_unlock(&pl->lock);
}

void pool_init(struct pool *pl)
{
	pl->p = pool_alloc(pl, GFP_KERNEL);
}
