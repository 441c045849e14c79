/* Writes to GFP masks (|=, &= ~, =, ^=) to plain and member targets: each is an Assignment with its op, its
 * target text and its value text. */
void *alloc_ctx(struct ctx *ctx, gfp_t gfp, bool atomic) // IR: function alloc_ctx | param 1 gfp: gfp_t | param 2 atomic: bool
{
	gfp_t flags = gfp; // IR: init flags = gfp

	gfp |= __GFP_ZERO; // IR: assign gfp |= __GFP_ZERO
	flags &= ~__GFP_FS; // IR: assign flags &= ~__GFP_FS
	if (atomic)
		flags = (flags & ~__GFP_DIRECT_RECLAIM) | __GFP_HIGH; // IR: assign flags = (flags & ~__GFP_DIRECT_RECLAIM) | __GFP_HIGH
	ctx->gfp_mask = flags | __GFP_NOWARN; // IR: assign ctx->gfp_mask = flags | __GFP_NOWARN
	ctx->cfg.gfp &= ~(__GFP_IO | __GFP_FS); // IR: assign ctx->cfg.gfp &= ~(__GFP_IO | __GFP_FS)
	gfp ^= __GFP_COMP; // IR: assign gfp ^= __GFP_COMP
	ctx->prev = ctx->gfp_mask = gfp; // IR: assign ctx->gfp_mask = gfp | assign ctx->prev = ctx->gfp_mask = gfp
	return kmalloc(ctx->size, flags); // IR: call kmalloc(ctx->size, flags)
}
