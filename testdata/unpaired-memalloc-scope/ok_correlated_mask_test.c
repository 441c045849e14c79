/* dm-bufio: save and restore guarded by the same test of the mask, which does not change in between. */
static void *alloc_buffer_data(struct client *c, gfp_t gfp_mask)
{
	unsigned int noio_flag;
	void *ptr;

	if (gfp_mask & __GFP_NORETRY)
		noio_flag = memalloc_noio_save();
	ptr = __vmalloc(c->block_size, gfp_mask);
	if (gfp_mask & __GFP_NORETRY)
		memalloc_noio_restore(noio_flag);
	return ptr;
}
