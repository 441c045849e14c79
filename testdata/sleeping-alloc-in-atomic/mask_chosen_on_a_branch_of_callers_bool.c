/* The mask is chosen on a branch of the caller's bool; the caller under the lock passes true. */
struct hba { spinlock_t lock; mempool_t *pool; void *data; };

static void *hba_new_data(struct hba *h, int lun, bool atomic_create)
{
	int memory_flags;

	if (atomic_create)
		memory_flags = GFP_ATOMIC;
	else
		memory_flags = GFP_KERNEL;
	return mempool_alloc(h->pool, memory_flags);
}

void hba_scan_locked(struct hba *h, int lun)
{
	unsigned long flags;

	spin_lock_irqsave(&h->lock, flags);
	h->data = hba_new_data(h, lun, true);
	spin_unlock_irqrestore(&h->lock, flags);
}

void hba_configure(struct hba *h, int lun)
{
	h->data = hba_new_data(h, lun, false);
}
