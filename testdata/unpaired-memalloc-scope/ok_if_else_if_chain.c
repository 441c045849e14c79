/* An if/else-if chain on the mask chooses the scope; the same chain restores it. */
void *vmalloc_respecting(unsigned long size, gfp_t gfp)
{
	unsigned int flags;
	void *p;

	if (!(gfp & __GFP_IO))
		flags = memalloc_noio_save();
	else if (!(gfp & __GFP_FS))
		flags = memalloc_nofs_save();
	p = vmalloc(size);
	if (!(gfp & __GFP_IO))
		memalloc_noio_restore(flags);
	else if (!(gfp & __GFP_FS))
		memalloc_nofs_restore(flags);
	return p;
}
