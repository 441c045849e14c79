/* Tests of a local mask's bits refine the values that local holds on each branch: a caller's value that
   fails the test does not reach the branch. Locals, else-if chains, early returns, == and helpers
   that test a bit (gfpflags_allow_blocking) alike. */
void *buf_get(size_t n, gfp_t gfp)
{
	gfp_t flags = gfp | __GFP_NOWARN;

	if (!(flags & __GFP_RETRY_MAYFAIL))
		flags |= __GFP_NORETRY;
	return kmalloc(n, flags); // BUG: error: __GFP_NOFAIL with __GFP_NORETRY
}

/* Takes the branch without RETRY_MAYFAIL: nothing to report for it. */
void *buf_get_hard(void)
{
	return buf_get(64, GFP_KERNEL | __GFP_RETRY_MAYFAIL);
}

/* The caller's NOFAIL does pass the test and meets the NORETRY. */
void *buf_get_forever(void)
{
	return buf_get(64, GFP_KERNEL | __GFP_NOFAIL);
}

/* The same helper without the test: the retry policies meet. */
void *buf_get_untested(size_t n, gfp_t gfp)
{
	gfp_t flags = gfp | __GFP_NOWARN;

	flags |= __GFP_NORETRY;
	return kmalloc(n, flags); // BUG: warning: __GFP_NORETRY with __GFP_RETRY_MAYFAIL
}

void *buf_get_untested_hard(void)
{
	return buf_get_untested(64, GFP_KERNEL | __GFP_RETRY_MAYFAIL);
}

/* An early return on the tested bit: what follows sees only the masks without it. */
void *early_get(size_t n, gfp_t gfp)
{
	gfp_t flags = gfp;

	if (flags & __GFP_NOFAIL)
		return kmalloc(n, flags);
	flags |= __GFP_NORETRY;
	return kmalloc(n, flags);
}

void *early_get_forever(void)
{
	return early_get(64, GFP_NOFS | __GFP_NOFAIL);
}

/* An else-if chain with ==: the NORETRY branch is taken only by GFP_KERNEL. */
void *chain_get(size_t n, gfp_t gfp)
{
	gfp_t flags = gfp;

	if (flags == GFP_ATOMIC)
		flags |= __GFP_NOWARN;
	else if (flags == GFP_KERNEL)
		flags |= __GFP_NORETRY;
	return kmalloc(n, flags);
}

void *chain_nofail(void)
{
	return chain_get(64, GFP_NOFS | __GFP_NOFAIL);
}

/* A helper that tests direct reclaim: NOFAIL is added only to masks that may block. */
void *maybe_nofail(size_t n, gfp_t gfp)
{
	gfp_t flags = gfp;

	if (gfpflags_allow_blocking(flags) && n < 64)
		flags |= __GFP_NOFAIL;
	return kmalloc(n, flags);
}

void *maybe_nofail_atomic(void)
{
	return maybe_nofail(32, GFP_ATOMIC);
}

/* The branch tests the bit but adds NOFAIL where it is absent: the atomic caller does reach it. */
void *wrong_nofail(size_t n, gfp_t gfp)
{
	gfp_t flags = gfp;

	if (!gfpflags_allow_blocking(flags))
		flags |= __GFP_NOFAIL;
	return kmalloc(n, flags); // BUG: error: __GFP_NOFAIL without __GFP_DIRECT_RECLAIM
}

void *wrong_nofail_atomic(void)
{
	return wrong_nofail(32, GFP_ATOMIC);
}

/* A parameter's own test before a mask made from it goes straight to the allocator. */
void *eq_get(size_t n, gfp_t gfp)
{
	if (gfp == GFP_KERNEL)
		return kmalloc(n, gfp | __GFP_NORETRY);
	return kmalloc(n, gfp);
}

void *eq_nofail(void)
{
	return eq_get(64, GFP_NOFS | __GFP_NOFAIL);
}
