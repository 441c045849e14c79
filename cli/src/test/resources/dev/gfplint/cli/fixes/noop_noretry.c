// args: --kernel-version 6.12
/* __GFP_NORETRY only limits direct reclaim; a mask without it never retries anyway. */
struct cache { void *obj; };

static void cache_grow(struct cache *c, unsigned long n)
{
	c->obj = kmalloc(n, GFP_NOWAIT | __GFP_NORETRY | __GFP_ZERO);
	c->obj = kmalloc(n, GFP_ATOMIC | __GFP_NORETRY);
	c->obj = kmalloc(n, GFP_KERNEL | __GFP_NORETRY);
}
