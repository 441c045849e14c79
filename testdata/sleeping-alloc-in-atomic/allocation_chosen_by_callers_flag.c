/* The callee allocates with GFP_KERNEL only when its flag says it may; the caller under the lock says no. */
struct tree { rwlock_t lock; struct kmem_cache *cache; };

static void *node_alloc(struct tree *t, bool nofail)
{
	if (!nofail)
		return kmem_cache_alloc(t->cache, GFP_ATOMIC);
	return kmem_cache_zalloc(t->cache, GFP_KERNEL | __GFP_NOFAIL);
}

void tree_insert_locked(struct tree *t)
{
	write_lock(&t->lock);
	node_alloc(t, false);
	write_unlock(&t->lock);
}

void tree_insert_prealloc(struct tree *t)
{
	node_alloc(t, true);
}

void tree_insert_bad(struct tree *t)
{
	write_lock(&t->lock);
	node_alloc(t, true); // BUG: warning: node_alloc() reaches kmem_cache_zalloc() with GFP_KERNEL | __GFP_NOFAIL
	write_unlock(&t->lock);
}
