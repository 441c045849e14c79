/* Annotation macros before and after a function's declarator (__init, __must_check, __acquires(x),
 * __releases(x), noinline_for_stack, __cold, __always_inline) do not hide the function or its parameters. */
static int __init cache_init(void) // IR: function cache_init | storage STATIC | returns int | params 0
{
	return cache_setup(GFP_KERNEL); // IR: call cache_setup(GFP_KERNEL)
}

int __must_check cache_grow(struct cache *c, gfp_t gfp) // IR: function cache_grow | storage NONE | returns int | params 2 | param 0 c: struct cache * | param 1 gfp: gfp_t
{
	return cache_refill(c, gfp); // IR: call cache_refill(c, gfp)
}

void cache_lock(struct cache *c) __acquires(&c->lock) // IR: function cache_lock | returns void | params 1 | param 0 c: struct cache *
{
	spin_lock(&c->lock); // IR: call spin_lock(&c->lock)
}

void cache_unlock(struct cache *c) // IR: function cache_unlock | params 1
	__releases(&c->lock)
{
	spin_unlock(&c->lock); // IR: call spin_unlock(&c->lock)
}

static noinline_for_stack int cache_scan(struct cache *c, unsigned long nr) // IR: function cache_scan | storage STATIC | returns int | params 2 | param 1 nr: unsigned long
{
	return cache_shrink(c, nr); // IR: call cache_shrink(c, nr)
}

static void __cold cache_oom(struct cache *c) // IR: function cache_oom | storage STATIC | returns void
{
	pr_err("cache %p: out of memory\n", c); // IR: call pr_err("cache %p: out of memory\n", c)
}

void __sched __must_hold(&c->lock) cache_wait(struct cache *c) // IR: function cache_wait | returns void | params 1
{
	cond_resched_lock(&c->lock); // IR: call cond_resched_lock(&c->lock)
}

static __always_inline struct cache *to_cache(struct kobject *kobj) // IR: function to_cache | storage STATIC | inline | returns struct cache * | param 0 kobj: struct kobject *
{
	return container_of(kobj, struct cache, kobj); // IR: call container_of(kobj, struct cache, kobj)
}
