/* The parameter is unknown: no redundancy or conflict is claimed on a guess. */
void *with_caller_mask(unsigned long n, gfp_t gfp)
{
	return kmalloc(n, gfp | __GFP_NOWARN | __GFP_NORETRY);
}
