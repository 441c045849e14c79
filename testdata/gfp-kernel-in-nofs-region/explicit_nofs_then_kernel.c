/* The author knew the context was NOFS (the first allocation), then allocated with GFP_KERNEL, with the
   object's lock held: reclaim that re-enters the filesystem may need that lock. */
int osc_prep(struct osc *o, unsigned long n)
{
	int ret = -ENOMEM;

	mutex_lock(&o->lock);
	o->req = kmalloc(n, GFP_NOFS);
	if (!o->req)
		goto out;
	o->pages = kcalloc(n, sizeof(void *), GFP_KERNEL); // BUG: warning: allocated with GFP_NOFS at line 8 on the same path
	ret = o->pages ? 0 : -ENOMEM;
out:
	mutex_unlock(&o->lock);
	return ret;
}

/* No lock here, but the caller holds a rw_semaphore around the call: the same evidence, one call up. */
static int osc_fill(struct osc *o, unsigned long n)
{
	o->req = kmalloc(n, GFP_NOFS);
	if (!o->req)
		return -ENOMEM;
	o->pages = kcalloc(n, sizeof(void *), GFP_KERNEL); // BUG: warning: down_write(&o->sem) in osc_refill is held around the call
	return o->pages ? 0 : -ENOMEM;
}

int osc_refill(struct osc *o, unsigned long n)
{
	int ret;

	down_write(&o->sem);
	ret = osc_fill(o, n);
	up_write(&o->sem);
	return ret;
}

/* Lock helpers of the file's own: the lock is dropped by the unlock helper before the GFP_KERNEL. */
static inline void obj_lock(struct osc *o)
{
	mutex_lock(&o->lock);
}

static inline void obj_unlock(struct osc *o)
{
	mutex_unlock(&o->lock);
}

int osc_setup(struct osc *o, unsigned long n)
{
	obj_lock(o);
	o->req = kmalloc(n, GFP_NOFS);
	obj_unlock(o);
	if (!o->req)
		return -ENOMEM;
	o->pages = kcalloc(n, sizeof(void *), GFP_KERNEL); // BUG: note: the earlier mask may be caution, not need
	return o->pages ? 0 : -ENOMEM;
}
