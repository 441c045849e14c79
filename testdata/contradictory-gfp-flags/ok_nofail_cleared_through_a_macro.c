/* A helper macro strips NOFAIL before adding NORETRY: the result is not contradictory. */
#define TRY_ONCE(gfp)	(((gfp) & ~__GFP_NOFAIL) | __GFP_NORETRY | __GFP_NOWARN)

void *cheap_first(unsigned long n)
{
	return kmalloc(n, TRY_ONCE(GFP_KERNEL | __GFP_NOFAIL));
}
