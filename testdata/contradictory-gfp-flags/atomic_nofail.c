/* GFP_ATOMIC | __GFP_NOFAIL: the caller may not block, so NOFAIL cannot be honoured. */
struct page *irq_refill(void)
{
	return alloc_page(GFP_ATOMIC | __GFP_NOFAIL); // BUG: error: without __GFP_DIRECT_RECLAIM
}
