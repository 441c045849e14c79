/* The caller holds the xa lock; the callee's __xa_cmpxchg() drops it around its allocation. */
struct pool { struct xarray frags; unsigned long tokens[8]; void *items[8]; int n; };

static void pool_commit_locked(struct pool *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		__xa_cmpxchg(&p->frags, p->tokens[i], NULL, p->items[i], GFP_KERNEL);
}

void pool_commit(struct pool *p)
{
	xa_lock_bh(&p->frags);
	pool_commit_locked(p);
	xa_unlock_bh(&p->frags);
}
