// gfplint: kernel-version 5.10
/* Every caller holds a NOFS scope: the callee's GFP_NOFS vmalloc is covered. */
static void *leaf_alloc(unsigned long n)
{
	return __vmalloc(n, GFP_NOFS);
}

void *trans_reserve(unsigned long n)
{
	unsigned int flags = memalloc_nofs_save();
	void *p = leaf_alloc(n);

	memalloc_nofs_restore(flags);
	return p;
}
