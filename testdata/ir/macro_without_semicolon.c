/* A statement-like macro written without a semicolon: NAME(args) is a STATEMENT node (a call) followed by
 * the statement after it. */
void tx_complete(struct ring *r, struct desc *d) // IR: function tx_complete
{
	RING_ASSERT_LOCKED(r) // IR: node STATEMENT | call RING_ASSERT_LOCKED(r) | edge NORMAL -> +1
	d->done = 1; // IR: node STATEMENT | assign d->done = 1 | edge NORMAL -> +1
	DEBUG_TRACE(r, d) // IR: call DEBUG_TRACE(r, d) | edge NORMAL -> +1
	ring_advance(r); // IR: call ring_advance(r) | edge NORMAL -> +1
	if (ring_empty(r)) // IR: node BRANCH | call ring_empty(r)
		wake_up(&r->wait); // IR: call wake_up(&r->wait)
}
