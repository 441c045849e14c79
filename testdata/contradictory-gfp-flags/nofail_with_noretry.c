void *must_and_may_fail(unsigned long n)
{
	return kmalloc(n, GFP_KERNEL | __GFP_NOFAIL | __GFP_NORETRY); // BUG: error: __GFP_NOFAIL with __GFP_NORETRY
}
