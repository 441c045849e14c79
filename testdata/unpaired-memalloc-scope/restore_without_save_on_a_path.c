void maybe_nofs(struct inode *inode, bool nofs)
{
	unsigned int flags;

	if (nofs)
		flags = memalloc_nofs_save();
	write_inode(inode);
	memalloc_nofs_restore(flags); // BUG: error: no save produced flags on this path
}
