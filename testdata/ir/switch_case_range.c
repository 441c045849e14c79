/* GNU case ranges: `case LOW ... HIGH:` is one CASE node labelled "LOW ... HIGH". */
static int order_class(unsigned int order) // IR: function order_class
{
	switch (order) { // IR: edge CASE[0 ... 3] -> +1 | edge CASE[4 ... MAX_ORDER - 1] -> +3 | edge CASE['a' ... 'z'] -> +5 | edge DEFAULT -> +8
	case 0 ... 3: // IR: node CASE 0 ... 3
		return 1;
	case 4 ... MAX_ORDER - 1: // IR: node CASE 4 ... MAX_ORDER - 1
		return 2;
	case 'a' ... 'z': // IR: node CASE 'a' ... 'z'
		return 3;
	}
	return warn_order(order); // IR: call warn_order(order)
}
