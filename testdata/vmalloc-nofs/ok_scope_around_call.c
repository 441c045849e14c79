// gfplint: kernel-version 5.10
/* The recommended pattern: the scope says why, the mask is GFP_KERNEL. Nothing to report. */
void *xlog_alloc_buffer(unsigned long size)
{
	unsigned int nofs = memalloc_nofs_save();
	void *p = vmalloc(size);

	memalloc_nofs_restore(nofs);
	return p;
}

/* A NOFS mask inside a NOFS scope: vmalloc's page tables are covered by the scope. */
void *xlog_alloc_buffer2(unsigned long size)
{
	unsigned int nofs = memalloc_nofs_save();
	void *p = __vmalloc(size, GFP_NOFS);

	memalloc_nofs_restore(nofs);
	return p;
}
