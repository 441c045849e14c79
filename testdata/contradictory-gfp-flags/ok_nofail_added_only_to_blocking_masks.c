/* NOFAIL is added on the path where the mask is known to block, and only there. */
void *alloc_maybe_nofail(unsigned long n, bool must)
{
	gfp_t gfp = GFP_KERNEL;

	if (must)
		gfp |= __GFP_NOFAIL;
	return kmalloc(n, gfp);
}
