// gfplint: kernel-version 6.12
/* raid5 stripe_size_store: an early goto reaches the restore before the save ran, with the variable still
 * holding its initial 0. Since 6.10 restoring 0 does nothing, so this is correct. */
int store(struct mddev *mddev, unsigned long new)
{
	unsigned int noio_flags = 0;
	int err = 0;

	if (new == mddev->size)
		goto out_unlock;
	noio_flags = memalloc_noio_save();
	err = resize(mddev, new);
out_unlock:
	memalloc_noio_restore(noio_flags);
	return err;
}
