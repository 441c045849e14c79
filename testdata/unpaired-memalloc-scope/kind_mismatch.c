void flush(struct sb *sb)
{
	unsigned int flags = memalloc_nofs_save();

	sync_sb(sb);
	memalloc_noio_restore(flags); // BUG: error: the NOFS scope stays open and the NOIO flag is overwritten
}
