/* switch with fall-through: the fallthrough; pseudo-keyword and a plain fall into the next case both give a
 * FALLTHROUGH edge; without a default the switch has a DEFAULT edge to what follows it. */
static gfp_t pick_gfp(int mode, gfp_t gfp) // IR: function pick_gfp
{
	switch (mode) { // IR: node SWITCH | edge CASE[0] -> +1 | edge CASE[1] -> +4 | edge CASE[2] -> +6 | edge DEFAULT -> +10
	case 0: // IR: node CASE 0 | edge NORMAL -> +1
		gfp |= __GFP_NOWARN; // IR: assign gfp |= __GFP_NOWARN
		fallthrough; // IR: node STATEMENT | edge FALLTHROUGH -> +1
	case 1: // IR: node CASE 1
		gfp &= ~__GFP_DIRECT_RECLAIM; // IR: assign gfp &= ~__GFP_DIRECT_RECLAIM | edge FALLTHROUGH -> +1
	case 2: // IR: node CASE 2
		gfp |= __GFP_NORETRY; // IR: edge BREAK -> +3
		break;
	}
	return gfp; // IR: edge RETURN -> exit
}
