/* The recommended pattern: GFP_KERNEL inside memalloc_nofs_save(), even after an explicit GFP_NOFS. */
int osc_prep(struct osc *o, unsigned long n)
{
	unsigned int nofs = memalloc_nofs_save();

	o->req = kmalloc(n, GFP_NOFS);
	o->pages = kcalloc(n, sizeof(void *), GFP_KERNEL);
	memalloc_nofs_restore(nofs);
	return o->pages ? 0 : -ENOMEM;
}
