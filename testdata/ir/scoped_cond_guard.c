/* scoped_cond_guard(lock, fail, args) stmt (listed under [guards] in idioms.conf): the fail argument is a
 * statement such as `return -EINTR`; the macro is still a guard around its body. */
int queue_drain(struct queue *q) // IR: function queue_drain
{
	scoped_cond_guard(mutex_intr, return -EINTR, &q->lock) { // IR: node GUARD_BEGIN scoped_cond_guard | node GUARD_END scoped_cond_guard | edge NORMAL -> +1 | edge NORMAL -> +3
		queue_flush(q); // IR: call queue_flush(q) | edge NORMAL -> -1
	}
	return 0;
}
