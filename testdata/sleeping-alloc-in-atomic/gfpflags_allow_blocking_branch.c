/* A branch on gfpflags_allow_blocking() decides that the context may block. */
struct pool { spinlock_t lock; void *p; };

static void *pool_get(struct pool *pl, gfp_t gfp)
{
	if (gfpflags_allow_blocking(gfp))
		return kmalloc(64, GFP_KERNEL);
	return kmalloc(64, GFP_ATOMIC);
}

void pool_refill(struct pool *pl)
{
	spin_lock(&pl->lock);
	pl->p = pool_get(pl, GFP_ATOMIC);
	spin_unlock(&pl->lock);
}
