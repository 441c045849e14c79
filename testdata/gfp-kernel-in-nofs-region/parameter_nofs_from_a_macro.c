/* The caller's NOFS mask is a macro of the filesystem. */
#define MYFS_GFP	(GFP_KERNEL & ~__GFP_FS)

static void *cache_fill(unsigned long n, gfp_t gfp)
{
	return kmalloc(n, GFP_KERNEL | __GFP_ZERO); // BUG: warning: called with GFP_NOFS in gfp (by myfs_lookup)
}

void *myfs_lookup(unsigned long n)
{
	return cache_fill(n, MYFS_GFP);
}
