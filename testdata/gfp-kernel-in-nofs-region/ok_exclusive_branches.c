/* NOFS on one branch, GFP_KERNEL on the other: never on the same path.
 * gfplint: path fs/pick/pick.c */
void *pick(unsigned long n, bool in_fs)
{
	void *p;

	if (in_fs)
		p = kmalloc(n, GFP_NOFS);
	else
		p = kmalloc(n, GFP_KERNEL);
	return p;
}
