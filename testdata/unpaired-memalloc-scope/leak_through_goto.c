int setup(struct dev *d)
{
	unsigned int noio;
	int err;

	noio = memalloc_noio_save(); // BUG: error: opens a NOIO scope that is not restored
	err = d->ops->init(d);
	if (err)
		goto fail;
	memalloc_noio_restore(noio);
	return 0;
fail:
	d->state = DEAD;
	return err;
}
