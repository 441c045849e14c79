// gfplint: kernel-version 6.12
void *quiet_nowait(unsigned long n)
{
	return kmalloc(n, GFP_NOWAIT | __GFP_NOWARN); // BUG: note: GFP_NOWAIT already includes __GFP_NOWARN
}

void *quiet_nowait_flag_first(unsigned long n)
{
	return kmalloc(n, __GFP_NOWARN | GFP_NOWAIT); // BUG: note: GFP_NOWAIT already includes __GFP_NOWARN
}
