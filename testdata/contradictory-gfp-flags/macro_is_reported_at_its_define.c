/* The contradiction is in the macro: reported once, where the mask is built, not at each use. */
#define CACHE_FLAGS	(GFP_KERNEL | __GFP_NOFAIL | __GFP_NORETRY) // BUG: error: #define CACHE_FLAGS

void *cache_get(unsigned long n)
{
	return kmalloc(n, CACHE_FLAGS);
}

void *cache_get_zeroed(unsigned long n)
{
	return kzalloc(n, CACHE_FLAGS);
}
