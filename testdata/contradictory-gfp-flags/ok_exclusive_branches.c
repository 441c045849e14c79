/* NOFAIL on one branch, NORETRY on the other: never both in one mask. */
void *pick(unsigned long n, bool must)
{
	gfp_t gfp;

	if (must)
		gfp = GFP_KERNEL | __GFP_NOFAIL;
	else
		gfp = GFP_KERNEL | __GFP_NORETRY;
	return kmalloc(n, gfp);
}
