/* scoped_guard(lock, args) stmt: a GUARD_BEGIN node, the body, and a GUARD_END node (both at the
 * scoped_guard line); a break in the body leaves the scope (to GUARD_END). */
int queue_push(struct queue *q, struct item *it) // IR: function queue_push
{
	scoped_guard(mutex, &q->lock) { // IR: node GUARD_BEGIN scoped_guard | node GUARD_END scoped_guard | call scoped_guard(mutex, &q->lock) | edge NORMAL -> +1 | edge NORMAL -> +7
		if (q->full) { // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +4
			q->drops++; // IR: edge BREAK -> -2
			break;
		}
		list_add_tail(&it->node, &q->items); // IR: call list_add_tail(&it->node, &q->items) | edge NORMAL -> -5
	}
	scoped_guard(spinlock_irqsave, &q->stat_lock) // IR: node GUARD_BEGIN scoped_guard | call scoped_guard(spinlock_irqsave, &q->stat_lock) | edge NORMAL -> +1 | edge NORMAL -> +2
		q->pushes++; // IR: node STATEMENT | edge NORMAL -> -1
	return 0;
}

int queue_peek(struct queue *q) // IR: function queue_peek
{
	scoped_guard(rcu) { // IR: node GUARD_BEGIN scoped_guard | call scoped_guard(rcu)
		struct item *it = rcu_dereference(q->head); // IR: call rcu_dereference(q->head)

		if (it)
			return it->val; // IR: edge RETURN -> exit
	}
	return -ENOENT;
}
