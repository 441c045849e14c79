/* A helper adds __GFP_NORETRY only when the caller did not ask for __GFP_RETRY_MAYFAIL: the two are never set
   together, although the parameter is assigned after the test. The caller's own NOFAIL does meet the NORETRY. */
void *pool_get(size_t n, gfp_t flags)
{
	if (!(flags & __GFP_RETRY_MAYFAIL))
		flags |= __GFP_NORETRY;
	return kmalloc(n, flags);
}

void *pool_get_hard(void)
{
	return pool_get(64, GFP_KERNEL | __GFP_RETRY_MAYFAIL);
}

void *pool_get_light(void)
{
	return pool_get(64, GFP_KERNEL);
}

void *table_get(size_t n, gfp_t flags)
{
	if (!(flags & __GFP_RETRY_MAYFAIL))
		flags |= __GFP_NORETRY;
	return kvmalloc(n, flags); // BUG: error: __GFP_NOFAIL with __GFP_NORETRY
}

void *table_get_forever(void)
{
	return table_get(64, GFP_KERNEL | __GFP_NOFAIL);
}
