// gfplint: kernel-version 5.10
void *extent_map_alloc(unsigned long n)
{
	return kvzalloc(n, GFP_NOFS); // BUG: warning: never falls back to vmalloc
}
