/* The 2015 mpage_readpages deadlock, reduced: the filesystem passes GFP_NOFS, the page cache ignores it. */
static int read_pages(struct address_space *mapping, unsigned int nr, gfp_t gfp)
{
	struct page *page = alloc_page(GFP_KERNEL); // BUG: warning: read_pages is called with GFP_NOFS in gfp (by fs_readahead)

	if (!page)
		return -ENOMEM;
	return add_to_page_cache(page, mapping, nr, gfp);
}

int fs_readahead(struct address_space *mapping, unsigned int nr)
{
	return read_pages(mapping, nr, GFP_NOFS);
}
