/* GFP_KERNEL before the lock, GFP_NOFS after it: the order matters, and this one is right.
 * gfplint: path fs/tree/insert.c */
int insert(struct tree *t, unsigned long n)
{
	void *spare = kmalloc(n, GFP_KERNEL);
	void *node;

	mutex_lock(&t->lock);
	node = kmalloc(n, GFP_NOFS);
	mutex_unlock(&t->lock);
	return spare && node;
}
