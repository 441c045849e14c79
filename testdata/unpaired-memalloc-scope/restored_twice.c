void twice(void)
{
	unsigned int flags = memalloc_noio_save();

	step_one();
	memalloc_noio_restore(flags);
	memalloc_noio_restore(flags); // BUG: error: flags was already restored on this path
}
