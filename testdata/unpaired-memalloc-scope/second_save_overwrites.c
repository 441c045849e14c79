void twice(void)
{
	unsigned int flags = memalloc_nofs_save();

	step_one();
	flags = memalloc_nofs_save(); // BUG: error: still holds the value memalloc_nofs_save() saved at line 3
	step_two();
	memalloc_nofs_restore(flags);
}
