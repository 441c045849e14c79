// args: --kernel-version 6.12
/* The function takes the caller's mask and then allocates with GFP_KERNEL: the filesystem's NOFS is lost. */
struct inode;

static int fill_pages(struct inode *inode, unsigned int nr, gfp_t gfp)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	void *map = kmalloc(nr * 8, gfp);

	if (!page || !map)
		return -ENOMEM;
	return 0;
}

int fs_read_inode(struct inode *inode)
{
	return fill_pages(inode, 4, GFP_NOFS);
}
