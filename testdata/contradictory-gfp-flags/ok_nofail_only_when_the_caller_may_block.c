/*
 * NOFAIL is added only when the caller's mask allows direct reclaim; an atomic caller never gets it.
 * The value of the local is refined by the branch on the parameter's bits.
 */
int tracker_alloc(struct tracker **out, gfp_t gfp)
{
	gfp_t mask = gfp | __GFP_NOWARN;

	if (gfp & __GFP_DIRECT_RECLAIM)
		mask |= __GFP_NOFAIL;
	*out = kzalloc(sizeof(**out), mask);
	return *out ? 0 : -ENOMEM;
}

int track_in_irq(struct tracker **t)
{
	return tracker_alloc(t, GFP_ATOMIC);
}

int track_in_process(struct tracker **t)
{
	return tracker_alloc(t, GFP_KERNEL);
}
