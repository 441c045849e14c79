/* while loop with break and continue: the statement before a break/continue carries the BREAK/CONTINUE edge. */
static int pump(struct queue *q) // IR: function pump
{
	int done = 0;

	while (queue_pending(q)) { // IR: node BRANCH | call queue_pending(q) | edge TRUE -> +1 | edge FALSE -> +14
		struct req *r = queue_pop(q); // IR: call queue_pop(q) | init r = queue_pop(q)

		if (!r) { // IR: edge TRUE -> +1 | edge FALSE -> +4
			queue_stall(q); // IR: call queue_stall(q) | edge BREAK -> +10
			break;
		}
		if (r->skip) { // IR: edge TRUE -> +1 | edge FALSE -> +4
			req_put(r); // IR: edge CONTINUE -> -8
			continue;
		}
		req_handle(r); // IR: call req_handle(r)
		done++; // IR: edge BACK -> -12
	}
	return done; // IR: edge RETURN -> exit
}
