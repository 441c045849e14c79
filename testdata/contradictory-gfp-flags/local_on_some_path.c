void *node_alloc(unsigned long n, bool opportunistic)
{
	gfp_t gfp = GFP_KERNEL | __GFP_NOFAIL;

	if (opportunistic)
		gfp |= __GFP_NORETRY;
	return kmalloc(n, gfp); // BUG: error: on some paths: __GFP_NOFAIL with __GFP_NORETRY
}
