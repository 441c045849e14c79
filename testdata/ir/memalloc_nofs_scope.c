/* memalloc_nofs_save()/memalloc_nofs_restore() around an allocation: the save is a call whose result is
 * assigned (or declared), the restore a call with the saved flags, in sequence around the kmalloc. */
int grow_inode_buf(struct inode *inode, size_t len) // IR: function grow_inode_buf
{
	unsigned int nofs_flags;
	void *buf;

	nofs_flags = memalloc_nofs_save(); // IR: call memalloc_nofs_save() | assign nofs_flags = memalloc_nofs_save() | edge NORMAL -> +1
	buf = kmalloc(len, GFP_KERNEL); // IR: call kmalloc(len, GFP_KERNEL) | assign buf = kmalloc(len, GFP_KERNEL) | edge NORMAL -> +1
	memalloc_nofs_restore(nofs_flags); // IR: call memalloc_nofs_restore(nofs_flags) | edge NORMAL -> +1
	if (!buf)
		return -ENOMEM;
	inode_attach(inode, buf);
	return 0;
}

static void fill_noio(struct block *b) // IR: function fill_noio
{
	unsigned int noio = memalloc_noio_save(); // IR: call memalloc_noio_save() | init noio = memalloc_noio_save()

	b->data = vmalloc(b->len); // IR: call vmalloc(b->len) | assign b->data = vmalloc(b->len)
	memalloc_noio_restore(noio); // IR: call memalloc_noio_restore(noio)
}
