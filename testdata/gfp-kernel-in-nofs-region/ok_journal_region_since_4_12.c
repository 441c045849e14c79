// gfplint: kernel-version 6.12
/* Since 4.12 starting a jbd2 handle opens a NOFS scope: GFP_KERNEL inside is narrowed to NOFS. */
int ext4_add_thing(struct inode *inode, unsigned long n)
{
	handle_t *handle = jbd2_journal_start(inode->journal, 1);
	void *p = kmalloc(n, GFP_KERNEL);

	jbd2_journal_stop(handle);
	kfree(p);
	return 0;
}
