/* Masks built through macros two levels deep, none contradictory. */
#define BASE_FLAGS	(GFP_NOFS | __GFP_NOWARN)
#define MUST_FLAGS	((BASE_FLAGS & ~__GFP_NOWARN) | __GFP_NOFAIL)

void *meta_alloc(unsigned long n)
{
	return kmalloc(n, MUST_FLAGS);
}
