// gfplint: kernel-version 4.9
/* The region is in the caller; the GFP_KERNEL allocation is one call down. */
static void *make_record(unsigned long n)
{
	return kzalloc(n, GFP_KERNEL); // BUG: warning: reached from a region (ext4_log_it)
}

int ext4_log_it(struct inode *inode)
{
	handle_t *handle = jbd2_journal_start(inode->journal, 2);
	void *r = make_record(64);

	jbd2_journal_stop(handle);
	return r != NULL;
}
