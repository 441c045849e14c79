/* A timer callback runs in softirq context. */
struct poller { struct timer_list t; void *sample; };

static void poller_fire(struct timer_list *t)
{
	struct poller *p = from_timer(p, t, t);

	p->sample = kmalloc(32, GFP_KERNEL); // BUG: error: in softirq context (timer_setup() registers poller_fire
	mod_timer(&p->t, jiffies + HZ);
}

void poller_start(struct poller *p)
{
	timer_setup(&p->t, poller_fire, 0);
	p->sample = kmalloc(32, GFP_KERNEL);
}
