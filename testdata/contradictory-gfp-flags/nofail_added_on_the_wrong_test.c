/* The branch tests a bit GFP_ATOMIC has (__GFP_HIGH), so the atomic caller does get NOFAIL. */
int tracker_alloc_high(struct tracker **out, gfp_t gfp)
{
	gfp_t mask = gfp | __GFP_NOWARN;

	if (gfp & __GFP_HIGH)
		mask |= __GFP_NOFAIL;
	*out = kzalloc(sizeof(**out), mask); // BUG: error: __GFP_NOFAIL without __GFP_DIRECT_RECLAIM
	return *out ? 0 : -ENOMEM;
}

int track_high_in_irq(struct tracker **t)
{
	return tracker_alloc_high(t, GFP_ATOMIC);
}
