/* #if 0 blocks are dropped; the #else of an #if 0 is kept as plain code (no branch). */
int tune_cache(struct cache *c) // IR: function tune_cache
{
	int ret = cache_prepare(c); // IR: call cache_prepare(c) | edge NORMAL -> +6
#if 0
	ret = old_tune(c, GFP_ATOMIC); // IR: nothing
	if (ret) // IR: nothing
		return ret; // IR: nothing
#endif
	if (ret) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +5
		return ret;
#if 0
	legacy_path(c); // IR: nothing
#else
	modern_path(c); // IR: call modern_path(c) | edge NORMAL -> +2
#endif
	return 0; // IR: node RETURN
}

#if 0
static void dead_helper(void) // IR: nothing
{
	kmalloc(16, GFP_KERNEL); // IR: nothing
}
#endif
