int fill_buffer(struct ctx *c, unsigned long n)
{
	unsigned int flags = memalloc_nofs_save(); // BUG: error: opens a NOFS scope that is not restored on some path
	void *buf = kmalloc(n, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	c->buf = buf;
	memalloc_nofs_restore(flags);
	return 0;
}
