/* The same helper, called only where no lock is held. */
struct dev { spinlock_t lock; void *buf; };

static void *dev_new_buf(void)
{
	return kzalloc(256, GFP_KERNEL);
}

void dev_reset(struct dev *d)
{
	void *b = dev_new_buf();

	spin_lock(&d->lock);
	d->buf = b;
	spin_unlock(&d->lock);
}
