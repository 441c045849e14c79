// gfplint: kernel-version 6.1
/* Before 6.8 GFP_NOWAIT did not include __GFP_NOWARN: asking for it is meaningful. */
void *quiet_nowait(unsigned long n)
{
	return kmalloc(n, GFP_NOWAIT | __GFP_NOWARN);
}
