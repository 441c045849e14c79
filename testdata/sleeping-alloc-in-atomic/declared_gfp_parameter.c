/* A function the tree declares with a gfp_t parameter but does not define (its body lives elsewhere): a blocking
   mask passed to it under a spinlock is judged as an allocation, as a warning; a non-blocking one, or the same
   call outside the lock, is fine. A declared function without a gfp_t parameter is not an allocation. */
struct ring;
struct sg;
int ring_add_sgs(struct ring *r, struct sg **sgs, unsigned int out, void *data, gfp_t gfp);
int ring_kick(struct ring *r, int how);
struct port { spinlock_t lock; struct ring *r; };

int port_send(struct port *p, struct sg **sgs, void *data)
{
	int err;

	spin_lock(&p->lock);
	err = ring_add_sgs(p->r, sgs, 1, data, GFP_KERNEL); // BUG: warning: ring_add_sgs() with GFP_KERNEL (declared with a gfp_t parameter at declared_gfp_parameter.c:6 and not defined in the scanned tree, so taken as an allocation) may sleep (direct reclaim) under spin_lock(&p->lock) taken at line 14
	ring_kick(p->r, 1);
	spin_unlock(&p->lock);
	return err;
}

int port_send_atomic(struct port *p, struct sg **sgs, void *data)
{
	int err;

	spin_lock(&p->lock);
	err = ring_add_sgs(p->r, sgs, 1, data, GFP_ATOMIC);
	spin_unlock(&p->lock);
	return err;
}

int port_send_unlocked(struct port *p, struct sg **sgs, void *data)
{
	int err = ring_add_sgs(p->r, sgs, 1, data, GFP_KERNEL);

	spin_lock(&p->lock);
	ring_kick(p->r, 0);
	spin_unlock(&p->lock);
	return err;
}
