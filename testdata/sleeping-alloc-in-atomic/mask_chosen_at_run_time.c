/* A mask chosen at run time between GFP_ATOMIC and GFP_KERNEL: the code decides by a flag the model cannot read. */
struct fsm { spinlock_t lock; };
struct cmd { int flags; };

static int fsm_append(struct fsm *f, unsigned int flag)
{
	struct cmd *c = kzalloc(sizeof(*c), flag & 1 ? GFP_ATOMIC : GFP_KERNEL);

	return c ? 0 : -ENOMEM;
}

void fsm_irq(struct fsm *f)
{
	spin_lock_bh(&f->lock);
	fsm_append(f, 1);
	spin_unlock_bh(&f->lock);
}
