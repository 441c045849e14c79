/* NOFS on one branch, GFP_KERNEL on the other: never on the same path. */
void *pick(unsigned long n, bool in_fs)
{
	void *p;

	if (in_fs)
		p = kmalloc(n, GFP_NOFS);
	else
		p = kmalloc(n, GFP_KERNEL);
	return p;
}
