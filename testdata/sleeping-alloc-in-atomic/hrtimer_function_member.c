/* A timer callback stored in the timer's function member runs in irq context. */
struct sampler { struct hrtimer timer; void *buf; };

static enum hrtimer_restart sampler_fire(struct hrtimer *t)
{
	struct sampler *s = container_of(t, struct sampler, timer);

	s->buf = kmalloc(128, GFP_KERNEL); // BUG: error: in softirq context (s->timer.function = sampler_fire at line 15)
	return HRTIMER_NORESTART;
}

void sampler_start(struct sampler *s)
{
	hrtimer_init(&s->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	s->timer.function = sampler_fire;
	hrtimer_start(&s->timer, ms_to_ktime(10), HRTIMER_MODE_REL);
}
