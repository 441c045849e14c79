/* Contexts are followed three calls deep from where they begin; deeper chains are not reported. */
struct q { spinlock_t lock; void *p; };

static void *level3(void)
{
	return kmalloc(8, GFP_KERNEL);
}

static void *level2(void)
{
	return level3();
}

static void *level1(void)
{
	return level2();
}

static void *level4(void)
{
	return kmalloc(8, GFP_KERNEL);
}

static void *level3b(void) { return level4(); }
static void *level2b(void) { return level3b(); }
static void *level1b(void) { return level2b(); }

void q_deep(struct q *q)
{
	spin_lock(&q->lock);
	q->p = level1(); // BUG: warning: level1() reaches kmalloc() with GFP_KERNEL at context_followed_three_calls_deep.c:6
	q->p = level1b(); // KNOWN-GAP: four calls deep
	spin_unlock(&q->lock);
}
