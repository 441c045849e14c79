/* A backward goto (retry loop): the GOTO edge goes back up to the label. */
void *frob_alloc_retry(size_t len, gfp_t gfp) // IR: function frob_alloc_retry
{
	int tries = 0;
	void *p;

retry: // IR: node LABEL retry | edge NORMAL -> +1
	p = kmalloc(len, gfp | __GFP_NOWARN); // IR: call kmalloc(len, gfp | __GFP_NOWARN) | assign p = kmalloc(len, gfp | __GFP_NOWARN)
	if (!p && tries++ < 3) { // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +4
		cond_resched(); // IR: call cond_resched()
		goto retry; // IR: node GOTO retry | edge GOTO[retry] -> -4
	}
	return p;
}
