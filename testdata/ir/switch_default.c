/* switch with a default between cases, a return from a case, and a loop whose break leaves only the loop. */
int classify(int v) // IR: function classify
{
	int r = 0;

	switch (v) { // IR: node SWITCH | edge CASE[8] -> +1 | edge DEFAULT -> +3 | edge CASE[16] -> +6
	case 8: // IR: node CASE 8
		return classify_small(v); // IR: call classify_small(v) | edge RETURN -> exit
	default: // IR: node CASE default | edge NORMAL -> +1
		r = -1; // IR: assign r = -1 | edge BREAK -> +13
		break;
	case 16: // IR: node CASE 16
		while (r < 4) { // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +7
			if (probe(r)) { // IR: call probe(r) | edge TRUE -> +1 | edge FALSE -> +4
				r += 2; // IR: assign r += 2 | edge BREAK -> +5
				break;
			}
			r++; // IR: edge BACK -> -5
		}
		r *= 2; // IR: assign r *= 2 | edge BREAK -> +3
		break;
	}
	return r; // IR: edge RETURN -> exit
}
