// gfplint: kernel-version 4.9
/* Judged as 4.9 there is no kvmalloc in the kernel: the name is an out-of-tree helper, not this rule's business. */
void *compat_alloc(unsigned long n)
{
	return kvmalloc(n, GFP_NOFS);
}
