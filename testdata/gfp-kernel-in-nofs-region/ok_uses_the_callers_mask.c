static int read_pages(struct address_space *mapping, gfp_t gfp)
{
	struct page *page = alloc_page(gfp);

	return page ? 0 : -ENOMEM;
}

int fs_readahead(struct address_space *mapping)
{
	return read_pages(mapping, GFP_NOFS);
}
