/*
 * slub's allocate_slab: NORETRY is added for every attempt, then a high-order attempt also drops reclaim.
 * On that path NORETRY changes nothing, but the line builds one mask for both paths: nothing to drop here.
 * A helper that passes its caller's mask on is not where a no-op flag is written either.
 */
struct page *slab_pages(gfp_t flags, unsigned int order, unsigned int min_order)
{
	gfp_t alloc_gfp = (flags | __GFP_NOWARN | __GFP_NORETRY) & ~__GFP_NOFAIL;

	if ((alloc_gfp & __GFP_DIRECT_RECLAIM) && order > min_order)
		alloc_gfp = (alloc_gfp | __GFP_NOMEMALLOC) & ~__GFP_RECLAIM;
	return alloc_pages(alloc_gfp, order);
}

struct page *slab_grow(unsigned int order)
{
	return slab_pages(GFP_KERNEL, order, 0);
}

static void *pool_get(struct kmem_cache *c, gfp_t gfp)
{
	return kmem_cache_alloc(c, gfp);
}

void *pool_try(struct kmem_cache *c)
{
	return pool_get(c, GFP_NOWAIT | __GFP_NORETRY);
}
