/* __xa_store() releases the xa_lock around its own allocation: GFP_KERNEL is fine there. */
struct cache { struct xarray pages; };

int cache_insert(struct cache *c, unsigned long index, void *page)
{
	void *old;

	xa_lock(&c->pages);
	old = __xa_store(&c->pages, index, page, GFP_KERNEL);
	xa_unlock(&c->pages);
	return xa_err(old);
}
