/* Allocation calls with sizeof arguments (expression and type forms) and or-ed GFP flags. */
struct node *node_new(int key, gfp_t gfp) // IR: function node_new
{
	struct node *p = kmalloc(sizeof(*p), GFP_KERNEL | __GFP_ZERO); // IR: call kmalloc(sizeof(*p), GFP_KERNEL | __GFP_ZERO) | init p = kmalloc(sizeof(*p), GFP_KERNEL | __GFP_ZERO)
	struct node **tab = kcalloc(16, sizeof *tab, GFP_NOFS); // IR: call kcalloc(16, sizeof *tab, GFP_NOFS)
	struct node *q = kzalloc(sizeof(struct node), GFP_ATOMIC | __GFP_NOWARN); // IR: call kzalloc(sizeof(struct node), GFP_ATOMIC | __GFP_NOWARN)

	p->vals = kmalloc_array(key, sizeof(*p->vals), gfp & ~__GFP_HIGHMEM); // IR: call kmalloc_array(key, sizeof(*p->vals), gfp & ~__GFP_HIGHMEM)
	p->key = key;
	p->peer = q;
	p->tab = tab;
	return p;
}
