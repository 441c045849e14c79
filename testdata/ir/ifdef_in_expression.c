/* An #ifdef/#else that splits an expression (here a call's argument list) cannot become an if/else: only the
 * first branch is kept. */
void *get_page_buf(size_t len) // IR: function get_page_buf
{
	void *p = kmalloc(len, // IR: call kmalloc(len, GFP_ATOMIC | __GFP_NOWARN) | init p = kmalloc(len, GFP_ATOMIC | __GFP_NOWARN)
#ifdef CONFIG_PAGE_BUF_ATOMIC
			  GFP_ATOMIC | __GFP_NOWARN
#else
			  GFP_KERNEL // IR: nothing
#endif
			  );

	return p;
}
