/* idr_for_each_entry: a loop over an IDR with a continue inside. */
struct session {
	int dead;
};

void reap_sessions(struct idr *idr) // IR: function reap_sessions
{
	struct session *s;
	int id;

	idr_for_each_entry(idr, s, id) { // IR: node ITERATOR idr_for_each_entry | call idr_for_each_entry(idr, s, id) | edge TRUE -> +1 | edge FALSE -> exit
		if (!s->dead) { // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +4
			touch_session(s); // IR: call touch_session(s) | edge CONTINUE -> -2
			continue;
		}
		idr_remove(idr, id); // IR: call idr_remove(idr, id)
		kfree(s); // IR: call kfree(s) | edge BACK -> -6
	}
}
