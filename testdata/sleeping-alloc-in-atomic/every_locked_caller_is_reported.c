/* Two functions call the same allocating helper, each under its own lock: each call is a place to fix, whoever else calls the helper. */
struct port { spinlock_t lock; void *buf; };
struct link { spinlock_t lock; void *buf; };

static void *ring_buf_new(void)
{
	return kzalloc(128, GFP_KERNEL);
}

void port_reset(struct port *p)
{
	spin_lock(&p->lock);
	p->buf = ring_buf_new(); // BUG: warning: ring_buf_new() reaches kzalloc() with GFP_KERNEL at every_locked_caller_is_reported.c:7, which may sleep (direct reclaim) under spin_lock(&p->lock) taken at line 12
	spin_unlock(&p->lock);
}

void link_reset(struct link *l)
{
	unsigned long flags;

	spin_lock_irqsave(&l->lock, flags);
	l->buf = ring_buf_new(); // BUG: warning: ring_buf_new() reaches kzalloc() with GFP_KERNEL at every_locked_caller_is_reported.c:7, which may sleep (direct reclaim) under spin_lock_irqsave(&l->lock, flags) taken at line 21
	spin_unlock_irqrestore(&l->lock, flags);
}

void port_setup(struct port *p)
{
	p->buf = ring_buf_new();
}
