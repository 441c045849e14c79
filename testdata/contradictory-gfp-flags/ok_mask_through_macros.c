/* Masks built through macros two levels deep, none contradictory. */
#define BASE_FLAGS	(GFP_NOFS | __GFP_NOWARN)
#define MUST_FLAGS	((BASE_FLAGS & ~__GFP_NOWARN) | __GFP_NOFAIL)

void *meta_alloc(unsigned long n)
{
	return kmalloc(n, MUST_FLAGS);
}

/* Sets of bits that are tested or cleared, never allocated with: not masks of their own. */
#define RECLAIM_BITS	(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_NOWARN | __GFP_RETRY_MAYFAIL | __GFP_NOFAIL | __GFP_NORETRY)

void *strip(unsigned long n, gfp_t gfp)
{
	return kmalloc(n, gfp & RECLAIM_BITS);
}
