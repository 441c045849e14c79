// gfplint: kernel-version 6.12
/* Since 5.17 vmalloc honours GFP_NOFS: only a note pointing at the scope API. */
void *table_alloc(unsigned long size)
{
	return __vmalloc(size, GFP_NOFS); // BUG: note: is honoured since 5.17 (judged as 6.12)
}
