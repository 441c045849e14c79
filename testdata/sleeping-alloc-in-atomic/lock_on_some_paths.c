/*
 * The lock is taken on one branch only, and dropped under the same test. Only contexts held on every path
 * through a function count: a path-insensitive merge cannot tell this from the common, correct pattern
 * (if (irq_on) spin_unlock(...); work; if (irq_on) spin_lock(...)).
 */
struct q { spinlock_t lock; void *p; };

void q_maybe_locked(struct q *q, int locked)
{
	if (locked)
		spin_lock(&q->lock);
	q->p = kmalloc(8, GFP_KERNEL); // KNOWN-GAP: held when locked is true; correlated branches are not followed
	if (locked)
		spin_unlock(&q->lock);
}
