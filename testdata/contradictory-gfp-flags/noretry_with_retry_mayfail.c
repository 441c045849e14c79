void *two_policies(unsigned long n)
{
	return kvmalloc(n, GFP_KERNEL | __GFP_NORETRY | __GFP_RETRY_MAYFAIL); // BUG: warning: opposite retry policies
}
