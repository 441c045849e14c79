/* The mask follows the caller's bool: the locked caller passes true, so GFP_ATOMIC. */
struct pool { spinlock_t lock; void *p; };

static void *pool_new(struct pool *pl, bool atomic)
{
	gfp_t gfp = atomic ? GFP_ATOMIC : GFP_KERNEL;

	return kmalloc(128, gfp);
}

void pool_fill_locked(struct pool *pl)
{
	spin_lock(&pl->lock);
	pl->p = pool_new(pl, true);
	spin_unlock(&pl->lock);
}

void pool_fill(struct pool *pl)
{
	pl->p = pool_new(pl, false);
}
