/* The error paths meet at one label that restores. */
int load(struct ctx *c, unsigned long n)
{
	unsigned int flags = memalloc_nofs_save();
	int err = 0;

	c->a = kmalloc(n, GFP_KERNEL);
	if (!c->a) {
		err = -ENOMEM;
		goto out;
	}
	c->b = kmalloc(n, GFP_KERNEL);
	if (!c->b) {
		err = -ENOMEM;
		goto out_free;
	}
	goto out;
out_free:
	kfree(c->a);
out:
	memalloc_nofs_restore(flags);
	return err;
}
