/* A header's static inline helpers inside an include guard, next to prototypes and extern declarations. */
#ifndef _POOL_HELPERS_H
#define _POOL_HELPERS_H // IR: macro _POOL_HELPERS_H

#include <linux/slab.h>

struct pool;
extern struct kmem_cache *pool_cache;
int pool_refill(struct pool *p, gfp_t gfp); // IR: nothing

static inline void *pool_get(struct pool *p) // IR: function pool_get | storage STATIC | inline | returns void * | params 1
{
	return kmem_cache_alloc(pool_cache, GFP_KERNEL); // IR: call kmem_cache_alloc(pool_cache, GFP_KERNEL)
}

static inline int pool_put(struct pool *p, void *obj) // IR: function pool_put | storage STATIC | inline | params 2
{
	kmem_cache_free(pool_cache, obj); // IR: call kmem_cache_free(pool_cache, obj)
	return 0;
}

static __inline__ bool pool_empty(const struct pool *p) // IR: function pool_empty | inline | returns bool | param 0 p: const struct pool *
{
	return !p;
}

extern inline int pool_size(struct pool *p) { return pool_count(p); } // IR: function pool_size | storage EXTERN | inline | call pool_count(p)

#endif /* _POOL_HELPERS_H */
