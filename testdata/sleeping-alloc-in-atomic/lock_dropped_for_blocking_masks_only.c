/* A callee that drops the caller's lock for a mask that may block, and allocates under it otherwise (an external lock). */
struct tree { spinlock_t lock; int external; };

static void *tree_alloc_nodes(gfp_t gfp)
{
	return kmalloc(64, gfp);
}

bool tree_nomem(struct tree *t, gfp_t gfp)
{
	if (gfpflags_allow_blocking(gfp) && !t->external) {
		spin_unlock(&t->lock);
		tree_alloc_nodes(gfp);
		spin_lock(&t->lock);
	} else {
		tree_alloc_nodes(gfp);
	}
	return true;
}

void tree_store(struct tree *t)
{
	spin_lock(&t->lock);
	while (tree_nomem(t, GFP_KERNEL))
		;
	spin_unlock(&t->lock);
}
