// gfplint: kernel-version 5.10
/* A wrapper passes its caller's GFP_NOFS to __vmalloc, and that caller holds a NOFS scope. */
static void *wrap(unsigned long n, gfp_t gfp)
{
	return __vmalloc(n, gfp);
}

void *scoped_caller(unsigned long n)
{
	unsigned int nofs = memalloc_nofs_save();
	void *p = wrap(n, GFP_NOFS);

	memalloc_nofs_restore(nofs);
	return p;
}
