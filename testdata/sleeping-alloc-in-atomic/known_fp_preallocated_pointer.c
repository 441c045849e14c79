/*
 * A helper that allocates only when its caller did not hand it preallocated memory (btrfs
 * attach_extent_buffer_folio with a prealloc): the caller under the lock always passes one. The model tests
 * gfp_t, bool and integer parameters, not whether a pointer parameter is NULL, so the call is reported.
 */
struct priv { int n; };
struct page_ref { void *private; };
struct buffer { spinlock_t lock; struct page_ref *pg; };

static int attach_priv(struct page_ref *pg, struct priv *prealloc)
{
	struct priv *p = prealloc;

	if (!p) {
		p = kzalloc(sizeof(*p), GFP_NOFS);
		if (!p)
			return -ENOMEM;
	}
	pg->private = p;
	return 0;
}

int buffer_attach(struct buffer *b, struct priv *prealloc)
{
	int ret;

	spin_lock(&b->lock);
	ret = attach_priv(b->pg, prealloc); // KNOWN-FP: warning: prealloc is never NULL here; a pointer parameter's test is not followed
	spin_unlock(&b->lock);
	return ret;
}
