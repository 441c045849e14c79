/* A boolean set together with the save says whether to restore. */
int do_io(struct bdev *b, bool in_reclaim)
{
	unsigned int noio;
	bool restore = false;
	int ret;

	if (in_reclaim) {
		noio = memalloc_noio_save();
		restore = true;
	}
	ret = submit(b);
	if (restore)
		memalloc_noio_restore(noio);
	return ret;
}
