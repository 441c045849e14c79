/* Nothing is known of the caller's mask: no finding on a guess. */
void *exported_alloc(unsigned long n, gfp_t gfp)
{
	return kmalloc(n, gfp | __GFP_NOFAIL);
}
