/* if / else if / else: each condition is a BRANCH whose FALSE edge leads to the next one. */
static gfp_t gfp_for(int ctx) // IR: function gfp_for
{
	gfp_t gfp;

	if (ctx == CTX_IRQ) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +2
		gfp = GFP_ATOMIC; // IR: assign gfp = GFP_ATOMIC | edge NORMAL -> +8
	else if (ctx == CTX_FS) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +3
		gfp = GFP_NOFS; // IR: edge NORMAL -> +6
	else { // IR: nothing
		warn_ctx(ctx); // IR: call warn_ctx(ctx) | edge NORMAL -> +1
		gfp = GFP_KERNEL; // IR: edge NORMAL -> +3
	}

	return gfp; // IR: node RETURN
}
