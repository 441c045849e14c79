/* Function-pointer parameters (their type keeps the parameter list) and calls through them. */
int walk_items(struct list_head *head, int (*visit)(struct item *it, void *arg), void *arg) // IR: function walk_items | params 3 | param 1 visit: int ( * ) ( struct item * it , void * arg ) | param 2 arg: void *
{
	struct item *it;
	int ret;

	list_for_each_entry(it, head, node) {
		ret = visit(it, arg); // IR: call visit(it, arg) | assign ret = visit(it, arg)
		if (ret)
			return ret;
	}
	return 0;
}

void set_alloc_hook(void *(*hook)(size_t, gfp_t), void (*release)(void *)) // IR: function set_alloc_hook | params 2 | param 0 hook: void * ( * ) ( size_t , gfp_t ) | param 1 release: void ( * ) ( void * )
{
	void *p = hook(64, GFP_KERNEL); // IR: call hook(64, GFP_KERNEL)

	(*release)(p); // IR: indirect-call *release(p)
}
