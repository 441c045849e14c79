// gfplint: kernel-version 4.19
/* A NOIO scope also clears __GFP_FS: a GFP_NOFS request inside it is covered. */
void *dm_buffer_data(unsigned long n)
{
	unsigned int noio = memalloc_noio_save();
	void *p = __vmalloc(n, GFP_NOFS, PAGE_KERNEL);

	memalloc_noio_restore(noio);
	return p;
}
