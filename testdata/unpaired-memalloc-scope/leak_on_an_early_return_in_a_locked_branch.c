/* btrfs sysfs (6.12): the already-initialised branch returns without restoring. */
void add_type(struct space_info *si, int index)
{
	unsigned int nofs_flag;
	struct kobj *k;

	nofs_flag = memalloc_nofs_save(); // BUG: error: not restored on some path to the return of add_type
	k = kzalloc(sizeof(*k), GFP_NOFS);
	if (!k) {
		memalloc_nofs_restore(nofs_flag);
		return;
	}
	spin_lock(&si->lock);
	if (si->kobjs[index]) {
		spin_unlock(&si->lock);
		kobject_put(k);
		return;
	}
	si->kobjs[index] = k;
	spin_unlock(&si->lock);
	kobject_add(k);
	memalloc_nofs_restore(nofs_flag);
}
