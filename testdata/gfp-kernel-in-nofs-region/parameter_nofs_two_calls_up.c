/* The NOFS mask travels two calls down before a hard-coded GFP_KERNEL ignores it. */
static struct bio *get_bio(unsigned int nr, gfp_t gfp)
{
	return bio_kmalloc(nr, GFP_KERNEL); // BUG: warning: called with GFP_NOFS in gfp (by fs_write_inode)
}

static int mid_layer(struct inode *inode, gfp_t gfp)
{
	return get_bio(4, gfp) != NULL;
}

int fs_write_inode(struct inode *inode)
{
	return mid_layer(inode, GFP_NOFS);
}
