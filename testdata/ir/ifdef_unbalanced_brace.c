/* An #ifdef whose branches each open a brace that the code after #endif closes: only the first branch is kept
 * (the one the rest of the function was written against), and the function still parses fully. */
int submit(struct req *rq, gfp_t gfp) // IR: function submit
{
	int err;

#ifdef CONFIG_REQ_TRACE
	if (rq_traced(rq) && rq->len) { // IR: node BRANCH | call rq_traced(rq) | edge TRUE -> +4 | edge FALSE -> +8
#else
	if (rq->len) { // IR: nothing
#endif
		err = queue_req(rq, gfp); // IR: call queue_req(rq, gfp)
		if (err)
			return err;
	}
	return 0;
}
