/* __xa_store() drops the xa lock, but not another spinlock the function holds. */
struct cache { spinlock_t stats_lock; struct xarray pages; };

int cache_insert(struct cache *c, unsigned long index, void *page)
{
	void *old;

	spin_lock(&c->stats_lock);
	xa_lock(&c->pages);
	old = __xa_store(&c->pages, index, page, GFP_KERNEL); // BUG: error: under spin_lock(&c->stats_lock) taken at line 8
	xa_unlock(&c->pages);
	spin_unlock(&c->stats_lock);
	return xa_err(old);
}
