/* The caller passes GFP_NOFS and also holds a NOFS scope: the callee's GFP_KERNEL is narrowed. */
static void *fill(unsigned long n, gfp_t gfp)
{
	return kmalloc(n, GFP_KERNEL);
}

void *fs_op(unsigned long n)
{
	unsigned int nofs = memalloc_nofs_save();
	void *p = fill(n, GFP_NOFS);

	memalloc_nofs_restore(nofs);
	return p;
}
