// gfplint: kernel-version 6.1
void *extent_map_alloc(unsigned long n)
{
	return kvcalloc(n, 16, GFP_NOFS); // BUG: note: is supported since 5.17
}
