/* An RCU read-side section may not sleep. */
struct node { struct node __rcu *next; void *data; };

void *node_snapshot(struct node *n)
{
	void *copy;

	rcu_read_lock();
	copy = kmemdup(rcu_dereference(n->next), 64, GFP_KERNEL); // BUG: error: under rcu_read_lock() taken at line 8
	rcu_read_unlock();
	return copy;
}
