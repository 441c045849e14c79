/* Two allocations, two policies: try hard but may fail, then must not fail. Never in one mask. */
void *two_tries(unsigned long big, unsigned long small)
{
	void *p = kvmalloc(big, GFP_KERNEL | __GFP_RETRY_MAYFAIL);

	if (!p)
		p = kmalloc(small, GFP_KERNEL | __GFP_NOFAIL);
	return p;
}
