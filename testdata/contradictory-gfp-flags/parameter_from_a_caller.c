/* The helper adds NORETRY to whatever it gets; one caller passes NOFAIL. */
static void *try_alloc(unsigned long n, gfp_t gfp)
{
	return kmalloc(n, gfp | __GFP_NORETRY); // BUG: error: __GFP_NOFAIL with __GFP_NORETRY
}

void *must_have(unsigned long n)
{
	return try_alloc(n, GFP_KERNEL | __GFP_NOFAIL);
}

void *nice_to_have(unsigned long n)
{
	return try_alloc(n, GFP_KERNEL);
}
