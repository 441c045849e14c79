/*
 * A bool parameter picks the NOFAIL variant; the atomic caller passes false and never reaches it.
 * The mask and the bool travel together from the same call.
 */
static inline void *cache_alloc_nofail(struct kmem_cache *c, gfp_t flags)
{
	void *p = kmem_cache_alloc(c, flags);

	if (!p)
		p = kmem_cache_alloc(c, flags | __GFP_NOFAIL);
	return p;
}

static inline void *cache_alloc(struct kmem_cache *c, gfp_t flags, bool nofail)
{
	if (nofail)
		return cache_alloc_nofail(c, flags);
	return kmem_cache_alloc(c, flags);
}

void *node_alloc_atomic(struct kmem_cache *c)
{
	return cache_alloc(c, GFP_ATOMIC, false);
}

void *node_alloc_blocking(struct kmem_cache *c)
{
	return cache_alloc(c, GFP_NOFS, true);
}
