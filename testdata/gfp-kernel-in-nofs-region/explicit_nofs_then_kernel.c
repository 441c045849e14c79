/* The author knew the context was NOFS (the first allocation), then allocated with GFP_KERNEL.
 * gfplint: path fs/lustre/osc/osc_request.c */
int osc_prep(struct osc *o, unsigned long n)
{
	o->req = kmalloc(n, GFP_NOFS);
	if (!o->req)
		return -ENOMEM;
	o->pages = kcalloc(n, sizeof(void *), GFP_KERNEL); // BUG: warning: allocated with GFP_NOFS at line 5 on the same path
	return o->pages ? 0 : -ENOMEM;
}
