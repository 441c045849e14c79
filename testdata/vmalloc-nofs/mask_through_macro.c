// gfplint: kernel-version 5.10
/* A mask built by a macro of the tree: evaluated, not read. */
#define XFS_ALLOC_FLAGS	(GFP_KERNEL & ~__GFP_FS)

void *xlog_buf_alloc(unsigned long len)
{
	return __vmalloc(len, XFS_ALLOC_FLAGS); // BUG: error: __vmalloc() with GFP_NOFS
}
