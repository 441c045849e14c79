/* #ifdef CONFIG_X ... #else ... #endif inside a function: both branches are kept as alternative paths, an
 * if/else on the preprocessor condition (a BRANCH at the #ifdef line); #if/#elif becomes if/else-if. */
static void *get_buffer(size_t len) // IR: function get_buffer
{
	void *p;

#ifdef CONFIG_HIGHMEM // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +3
	p = kmap_buffer(len, GFP_HIGHUSER); // IR: call kmap_buffer(len, GFP_HIGHUSER) | edge NORMAL -> +4
#else
	p = kmalloc(len, GFP_KERNEL); // IR: call kmalloc(len, GFP_KERNEL) | edge NORMAL -> +2
#endif
	if (!p) // IR: node BRANCH | edge FALSE -> +2
		return NULL;
#if IS_ENABLED(CONFIG_DEBUG_BUF) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +2
	poison_buffer(p, len); // IR: call poison_buffer(p, len) | edge NORMAL -> +4
#elif defined(CONFIG_ZERO_BUF) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +3
	memset(p, 0, len); // IR: call memset(p, 0, len) | edge NORMAL -> +2
#endif
	return p; // IR: node RETURN
}
