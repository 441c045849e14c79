/* raid5 stripe_size_store (6.12): an early goto reaches the restore before the save ran. */
int store(struct mddev *mddev, unsigned long new)
{
	unsigned int noio_flags;
	int err = 0;

	if (new == mddev->size)
		goto out_unlock;
	noio_flags = memalloc_noio_save();
	err = resize(mddev, new);
out_unlock:
	memalloc_noio_restore(noio_flags); // BUG: error: no save produced noio_flags on this path
	return err;
}
