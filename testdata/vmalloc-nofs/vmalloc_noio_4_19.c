// gfplint: kernel-version 4.19
/* A block driver's bitmap: GFP_NOIO | __GFP_ZERO, the block layer can still be re-entered on 4.19. */
static void **bm_realloc_pages(unsigned long bytes)
{
	return __vmalloc(bytes, GFP_NOIO | __GFP_ZERO, PAGE_KERNEL); // BUG: error: recurse into the block layer
}
