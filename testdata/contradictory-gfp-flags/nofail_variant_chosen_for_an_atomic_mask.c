/* The same helpers; this caller asks for the NOFAIL variant with an atomic mask. */
static inline void *cache_alloc_nofail2(struct kmem_cache *c, gfp_t flags)
{
	void *p = kmem_cache_alloc(c, flags);

	if (!p)
		p = kmem_cache_alloc(c, flags | __GFP_NOFAIL); // BUG: error: __GFP_NOFAIL without __GFP_DIRECT_RECLAIM
	return p;
}

static inline void *cache_alloc2(struct kmem_cache *c, gfp_t flags, bool nofail)
{
	if (nofail)
		return cache_alloc_nofail2(c, flags);
	return kmem_cache_alloc(c, flags);
}

void *node_alloc_atomic_nofail(struct kmem_cache *c)
{
	return cache_alloc2(c, GFP_ATOMIC, true);
}

void *node_alloc_blocking2(struct kmem_cache *c)
{
	return cache_alloc2(c, GFP_NOFS, false);
}
