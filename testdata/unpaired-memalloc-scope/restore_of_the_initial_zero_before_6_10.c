// gfplint: kernel-version 6.8
/* The same code judged as 6.8: restoring 0 clears NOIO even if a caller had opened it. */
int store(struct mddev *mddev, unsigned long new)
{
	unsigned int noio_flags = 0;
	int err = 0;

	if (new == mddev->size)
		goto out_unlock;
	noio_flags = memalloc_noio_save();
	err = resize(mddev, new);
out_unlock:
	memalloc_noio_restore(noio_flags); // BUG: warning: noio_flags is still 0 on this path, and before 6.10 restoring 0 clears
	return err;
}
