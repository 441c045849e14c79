// gfplint: kernel-version 4.19
/* Two wrappers deep: the trace names the caller that passes GFP_NOIO. */
static void *lvl1(unsigned long n, gfp_t flags)
{
	return __vmalloc(n, flags | __GFP_ZERO, PAGE_KERNEL); // BUG: error: mask passed by md_bitmap_resize
}

static void *lvl2(gfp_t g, unsigned long n)
{
	return lvl1(n, g);
}

int md_bitmap_resize(unsigned long pages)
{
	return lvl2(GFP_NOIO, pages) != NULL;
}
