/* A cache that refills with GFP_KERNEL only when its caller's mask is exactly GFP_KERNEL, in a condition that also
   reads a local (if (!obj && flags == GFP_KERNEL)): a caller under RCU that passes GFP_ATOMIC never reaches it. */
struct cache { void *free; };
struct owner { struct cache *c; void *storage; };

static void *cache_refill(struct cache *c, gfp_t gfp)
{
	return kmalloc(64, gfp);
}

static void *cache_alloc(struct cache *c, gfp_t flags)
{
	void *obj = c->free;

	if (!obj && flags == GFP_KERNEL)
		obj = cache_refill(c, GFP_KERNEL | __GFP_NOWARN);
	return obj;
}

void owner_clone(struct owner *o)
{
	rcu_read_lock();
	o->storage = cache_alloc(o->c, GFP_ATOMIC);
	rcu_read_unlock();
}
