void *bucket_alloc(unsigned long n)
{
	return kzalloc(n, GFP_NOFS | __GFP_NOFAIL | __GFP_RETRY_MAYFAIL); // BUG: error: __GFP_NOFAIL with __GFP_RETRY_MAYFAIL
}
