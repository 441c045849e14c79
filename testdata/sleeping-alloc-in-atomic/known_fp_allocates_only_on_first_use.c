/*
 * A lookup that allocates its table the first time it is asked (devres-style: pcim_iomap_table) and only
 * returns it afterwards. Probe asks first, outside any lock, so the call under the lock never allocates; the
 * model does not keep state across calls (whether the table exists yet), so the call under the lock is
 * reported.
 */
struct table { void *slot[6]; };
struct card { spinlock_t lock; struct table *t; int ready; };

static struct table *card_table(struct card *c)
{
	if (!c->t)
		c->t = kzalloc(sizeof(*c->t), GFP_KERNEL);
	return c->t;
}

int card_probe(struct card *c)
{
	if (!card_table(c))
		return -ENOMEM;
	return 0;
}

void card_start(struct card *c)
{
	unsigned long flags;
	struct table *t;

	spin_lock_irqsave(&c->lock, flags);
	t = card_table(c); // KNOWN-FP: warning: probe made the table; needs state across calls
	c->ready = t != NULL;
	spin_unlock_irqrestore(&c->lock, flags);
}
