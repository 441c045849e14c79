/* list_for_each_entry: an iterator macro with a braced body is a loop (ITERATOR node, TRUE into the body,
 * BACK from its end, FALSE out of it). */
struct item {
	struct list_head node;
	int refs;
};

static int count_busy(struct list_head *head) // IR: function count_busy | storage STATIC | params 1 | param 0 head: struct list_head *
{
	struct item *it;
	int n = 0; // IR: init n = 0

	list_for_each_entry(it, head, node) { // IR: node ITERATOR list_for_each_entry | call list_for_each_entry(it, head, node) | edge TRUE -> +1 | edge FALSE -> +4
		if (it->refs > 1) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> -1
			n++; // IR: node STATEMENT | edge BACK -> -2
	}
	return n; // IR: node RETURN | edge RETURN -> exit
}
