/* The callee allocates only when its int argument asks it to; under the lock the caller passes 0. */
struct synth { spinlock_t voice_lock; void *patches; };

static void *find_patch(struct synth *s, int prg, int create)
{
	if (!create)
		return s->patches;
	return kzalloc(64, GFP_KERNEL);
}

void note_on(struct synth *s, int prg)
{
	unsigned long flags;

	spin_lock_irqsave(&s->voice_lock, flags);
	find_patch(s, prg, 0);
	spin_unlock_irqrestore(&s->voice_lock, flags);
}

void load_patch(struct synth *s, int prg)
{
	find_patch(s, prg, 1);
}
