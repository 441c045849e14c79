/* A helper that allocates with GFP_KERNEL, called with the lock held: reported at the call under the lock, with the chain to the allocation. */
struct dev { spinlock_t lock; void *buf; };

static void *dev_new_buf(void)
{
	return kzalloc(256, GFP_KERNEL);
}

void dev_reset(struct dev *d)
{
	spin_lock_bh(&d->lock);
	d->buf = dev_new_buf(); // BUG: warning: dev_new_buf() reaches kzalloc() with GFP_KERNEL at helper_called_under_lock.c:6, which may sleep (direct reclaim) under spin_lock_bh(&d->lock) taken at line 11
	spin_unlock_bh(&d->lock);
}
