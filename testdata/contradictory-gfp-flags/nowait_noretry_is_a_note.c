void *opportunistic(unsigned long n)
{
	return kmalloc(n, GFP_NOWAIT | __GFP_NORETRY); // BUG: note: __GFP_NORETRY has no effect
}
