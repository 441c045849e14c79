void nested(void)
{
	unsigned int io = memalloc_noio_save();
	unsigned int fs = memalloc_nofs_save();

	work();
	memalloc_nofs_restore(fs);
	memalloc_noio_restore(io);
}

void in_a_loop(struct item **items, int n)
{
	for (int i = 0; i < n; i++) {
		unsigned int flags = memalloc_nofs_save();

		process(items[i]);
		memalloc_nofs_restore(flags);
	}
}
