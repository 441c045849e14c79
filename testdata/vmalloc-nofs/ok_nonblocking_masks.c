// gfplint: kernel-version 5.10
/* GFP_ATOMIC and GFP_NOWAIT lack __GFP_FS because they never reclaim: not a NOFS request. */
void *rx_ring(unsigned long n)
{
	return kvmalloc(n, GFP_ATOMIC);
}

void *tx_ring(unsigned long n)
{
	return kvmalloc(n, GFP_NOWAIT);
}
