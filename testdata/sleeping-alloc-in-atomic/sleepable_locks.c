/* mutexes, rw_semaphores, semaphores and SRCU may be held while sleeping. */
struct obj { struct mutex m; struct rw_semaphore rw; struct semaphore sem; struct srcu_struct srcu; void *a, *b, *c, *d; };

void obj_fill(struct obj *o)
{
	int idx;

	mutex_lock(&o->m);
	o->a = kmalloc(8, GFP_KERNEL);
	mutex_unlock(&o->m);
	down_write(&o->rw);
	o->b = kmalloc(8, GFP_KERNEL);
	up_write(&o->rw);
	down(&o->sem);
	o->c = kmalloc(8, GFP_KERNEL);
	up(&o->sem);
	idx = srcu_read_lock(&o->srcu);
	o->d = kmalloc(8, GFP_KERNEL);
	srcu_read_unlock(&o->srcu, idx);
}
