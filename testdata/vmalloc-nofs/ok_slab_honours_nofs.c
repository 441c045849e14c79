// gfplint: kernel-version 4.19
/* The slab allocator always honoured GFP_NOFS: only the vmalloc family is this rule's business. */
void *inode_cache_alloc(unsigned long n)
{
	return kmalloc(n, GFP_NOFS);
}
