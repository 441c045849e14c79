/* typeof / __typeof__ / __auto_type declarations. */
static void swap_slots(struct slot *a, struct slot *b) // IR: function swap_slots
{
	typeof(*a) tmp = *a; // IR: node STATEMENT | init tmp = *a
	__typeof__(a->owner) owner = get_owner(b); // IR: call get_owner(b) | init owner = get_owner(b)
	typeof(a) copy = kmemdup(a, sizeof(*a), GFP_ATOMIC); // IR: call kmemdup(a, sizeof(*a), GFP_ATOMIC) | init copy = kmemdup(a, sizeof(*a), GFP_ATOMIC)
	__auto_type n = count_slots(owner); // IR: call count_slots(owner) | init n = count_slots(owner)
	typeof_unqual(*b) *cur = b; // IR: init cur = b

	*a = *b; // IR: assign *a = *b
	*b = tmp; // IR: assign *b = tmp
	set_owner(a, owner, n); // IR: call set_owner(a, owner, n)
	kfree(copy); // IR: call kfree(copy)
}
