/* hlist_for_each_entry over one hash bucket; the body returns from inside the loop. */
struct bucket_ent {
	struct hlist_node hnode;
	unsigned long key;
};

static struct bucket_ent *bucket_find(struct hlist_head *bucket, unsigned long key) // IR: function bucket_find | returns struct bucket_ent * | param 0 bucket: struct hlist_head * | param 1 key: unsigned long
{
	struct bucket_ent *ent;

	hlist_for_each_entry(ent, bucket, hnode) // IR: node ITERATOR hlist_for_each_entry | call hlist_for_each_entry(ent, bucket, hnode) | edge TRUE -> +1 | edge FALSE -> +3
		if (ent->key == key) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> -1
			return ent; // IR: node RETURN | edge RETURN -> exit
	return NULL; // IR: node RETURN | edge RETURN -> exit
}
