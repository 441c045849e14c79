// gfplint: kernel-version 4.11
/* The snippet: a callback passed to report_zones() runs inside the NOIO scope open around the call,
   so its GFP_KERNEL allocation is covered. Without the scope, the same callback inside a journal handle
   (a NOFS region that opens no scope before 4.12) is reported, with the chain through the call. */
static int report_zones(struct zdev *dev, sector_t sector, unsigned int nr, report_zones_cb cb, void *data)
{
	unsigned int i;
	int ret;

	for (i = 0; i < nr; i++) {
		ret = cb(&dev->zones[sector + i], i, data);
		if (ret)
			return ret;
	}
	return 0;
}

static int revalidate_cb(struct blk_zone *zone, unsigned int idx, void *data)
{
	struct zone_args *args = data;

	args->map = kcalloc(args->nr, sizeof(long), GFP_KERNEL);
	return args->map ? 0 : -ENOMEM;
}

int revalidate_zones(struct inode *inode, struct zdev *dev, sector_t sector, unsigned int nr, void *data)
{
	handle_t *h = jbd2_journal_start(inode->journal, 1);
	unsigned int noio;
	int ret;

	noio = memalloc_noio_save();
	ret = report_zones(dev, sector, nr, revalidate_cb, data);	/* revalidate_cb allocates GFP_KERNEL */
	memalloc_noio_restore(noio);
	jbd2_journal_stop(h);
	return ret;
}

static int revalidate_unscoped_cb(struct blk_zone *zone, unsigned int idx, void *data)
{
	struct zone_args *args = data;

	args->map = kcalloc(args->nr, sizeof(long), GFP_KERNEL); // BUG: warning: reached from a region (revalidate_unscoped) that needs NOFS
	return args->map ? 0 : -ENOMEM;
}

int revalidate_unscoped(struct inode *inode, struct zdev *dev, sector_t sector, unsigned int nr, void *data)
{
	handle_t *h = jbd2_journal_start(inode->journal, 1);
	int ret = report_zones(dev, sector, nr, revalidate_unscoped_cb, data);

	jbd2_journal_stop(h);
	return ret;
}
