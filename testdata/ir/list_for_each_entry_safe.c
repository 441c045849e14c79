/* list_for_each_entry_safe: the variant that may delete the current entry; calls in the body are in the loop. */
struct entry {
	struct list_head list;
	void *buf;
};

void drain_entries(struct list_head *head) // IR: function drain_entries | storage NONE | returns void
{
	struct entry *e, *tmp;

	list_for_each_entry_safe(e, tmp, head, list) { // IR: node ITERATOR list_for_each_entry_safe | call list_for_each_entry_safe(e, tmp, head, list) | edge TRUE -> +1 | edge FALSE -> +5
		list_del(&e->list); // IR: call list_del(&e->list) | edge NORMAL -> +1
		kfree(e->buf); // IR: call kfree(e->buf) | edge NORMAL -> +1
		kfree(e); // IR: call kfree(e) | edge BACK -> -3
	}
	INIT_LIST_HEAD(head); // IR: call INIT_LIST_HEAD(head) | edge NORMAL -> exit
}
