/* A file-scope macro invocation without a semicolon right before a function: the function is still found with
 * its name, storage and parameters. */
DEFINE_SHOW_ATTRIBUTE(frob_stats)

static int frob_open(struct inode *inode, struct file *file) // IR: function frob_open | storage STATIC | params 2 | param 1 file: struct file *
{
	return single_open(file, frob_show, inode->i_private); // IR: call single_open(file, frob_show, inode->i_private)
}

late_initcall(frob_late)
int frob_late(void) // IR: function frob_late | params 0
{
	return frob_open(NULL, NULL); // IR: call frob_open(NULL, NULL)
}
