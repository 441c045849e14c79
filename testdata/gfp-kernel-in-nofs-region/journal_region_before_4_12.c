// gfplint: kernel-version 4.11
/* Before 4.12 a jbd2 handle opened no scope: allocations inside had to say GFP_NOFS themselves. */
int ext4_add_thing(struct inode *inode, unsigned long n)
{
	handle_t *handle = jbd2_journal_start(inode->journal, 1);
	void *p = kmalloc(n, GFP_KERNEL); // BUG: warning: inside a region of ext4_add_thing that needs NOFS but opens no scope (judged as 4.11)

	jbd2_journal_stop(handle);
	kfree(p);
	return 0;
}
