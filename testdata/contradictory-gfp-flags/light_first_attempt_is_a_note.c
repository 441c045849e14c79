/* A first attempt that makes the caller's mask fail fast (NORETRY added, or direct reclaim cleared), then the
   real attempt with the caller's mask: intended whatever the caller passed, so only a note. Without the real
   attempt after it, NORETRY meets the caller's RETRY_MAYFAIL for good: a warning. */
void *buf_get(size_t n, gfp_t gfp)
{
	void *p = kmalloc(n, gfp | __GFP_NORETRY | __GFP_NOWARN); // BUG: note: this is a light first attempt
	if (!p)
		p = kmalloc(n, gfp);
	return p;
}

void *buf_get_hard(void)
{
	return buf_get(4096, GFP_KERNEL | __GFP_RETRY_MAYFAIL);
}

void *page_get(size_t n, gfp_t gfp)
{
	void *p = kmalloc(n, (gfp & ~__GFP_DIRECT_RECLAIM) | __GFP_NOWARN); // BUG: note: __GFP_NOFAIL without __GFP_DIRECT_RECLAIM
	if (!p)
		p = kmalloc(n, gfp);
	return p;
}

void *page_get_forever(void)
{
	return page_get(4096, GFP_KERNEL | __GFP_NOFAIL);
}

void *buf_try(size_t n, gfp_t gfp)
{
	return kmalloc(n, gfp | __GFP_NORETRY); // BUG: warning: __GFP_NORETRY with __GFP_RETRY_MAYFAIL
}

void *buf_try_hard(void)
{
	return buf_try(4096, GFP_KERNEL | __GFP_RETRY_MAYFAIL);
}
