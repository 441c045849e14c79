void *spin_locked_alloc(unsigned long n)
{
	return kmalloc(n, GFP_NOWAIT | __GFP_NOFAIL); // BUG: error: cannot be honoured without blocking
}
