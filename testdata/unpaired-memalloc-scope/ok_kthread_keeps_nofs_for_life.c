/* jbd2's kthread: the saved value is dropped on purpose, the whole thread stays NOFS. */
static int kjournald2(void *arg)
{
	journal_t *journal = arg;

	memalloc_nofs_save();
	while (!kthread_should_stop())
		commit(journal);
	return 0;
}
