/* Conditional and short-circuit expressions are not split: all their calls belong to one node. */
void *pick_alloc(struct dev *d, size_t len) // IR: function pick_alloc
{
	void *p = d->atomic ? kmalloc(len, GFP_ATOMIC) : kmalloc(len, GFP_KERNEL); // IR: node STATEMENT | call kmalloc(len, GFP_ATOMIC) | call kmalloc(len, GFP_KERNEL)

	if (!p && can_retry(d) && (p = vmalloc(len)) != NULL) // IR: node BRANCH | call can_retry(d) | call vmalloc(len) | assign p = vmalloc(len)
		note_fallback(d); // IR: call note_fallback(d)
	return p ?: fallback_buf(d); // IR: call fallback_buf(d) | node RETURN
}
