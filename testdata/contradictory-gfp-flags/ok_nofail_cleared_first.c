/* kvmalloc's own idiom: NOFAIL is cleared before NORETRY is added for the kmalloc attempt. */
static void *kmalloc_attempt(unsigned long n, gfp_t flags)
{
	gfp_t kmalloc_flags = flags;

	kmalloc_flags &= ~__GFP_NOFAIL;
	kmalloc_flags |= __GFP_NORETRY | __GFP_NOWARN;
	return kmalloc(n, kmalloc_flags);
}

void *big_table(unsigned long n)
{
	return kmalloc_attempt(n, GFP_KERNEL | __GFP_NOFAIL);
}
