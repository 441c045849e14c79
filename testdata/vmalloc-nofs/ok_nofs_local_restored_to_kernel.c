// gfplint: kernel-version 5.10
/* The local starts as GFP_NOFS but is set back to GFP_KERNEL under a scope before the call. */
void *reload(unsigned long n)
{
	gfp_t gfp = GFP_NOFS;
	unsigned int nofs = memalloc_nofs_save();
	void *p;

	gfp = GFP_KERNEL;
	p = __vmalloc(n, gfp);
	memalloc_nofs_restore(nofs);
	return p;
}
