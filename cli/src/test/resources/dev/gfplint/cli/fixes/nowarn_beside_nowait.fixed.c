// args: --kernel-version 6.12
/* GFP_NOWAIT includes __GFP_NOWARN since 6.8: the flag ORed in beside it says nothing. */
struct ring { void *slot; };

static int ring_refill(struct ring *r, unsigned long n)
{
	r->slot = kmalloc(n, GFP_NOWAIT);
	if (!r->slot)
		return -EAGAIN;
	r->slot = kzalloc(n, GFP_NOWAIT);	/* flag first */
	return 0;
}

static void *ring_peek(unsigned long n)
{
	return kmalloc_array(n, 8,
			     GFP_NOWAIT);
}
