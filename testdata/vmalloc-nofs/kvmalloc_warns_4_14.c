// gfplint: kernel-version 4.14
void *dir_hash_alloc(unsigned long n)
{
	return kvmalloc(n, GFP_NOFS); // BUG: error: in 4.12-4.17 kvmalloc WARNs
}
