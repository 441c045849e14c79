/* Compound literals: (type){ ... } as a value, as an argument, and with its address taken. */
struct range {
	unsigned long start, end;
};

void reserve(struct region *r, unsigned long base) // IR: function reserve
{
	struct range *rp = &(struct range){ .start = base, .end = base + PAGE_SIZE }; // IR: init rp = &(struct range){ .start = base, .end = base + PAGE_SIZE }

	r->span = (struct range){ base, align_up(base, SZ_2M) }; // IR: assign r->span = (struct range){ base, align_up(base, SZ_2M) } | call align_up(base, SZ_2M)
	region_add(r, &(struct range){ .start = rp->end, .end = rp->end + 1 }); // IR: call region_add(r, &(struct range){ .start = rp->end, .end = rp->end + 1 })
	memcpy(r->tags, (int[]){ 1, 2, 3 }, sizeof(int[3])); // IR: call memcpy(r->tags, (int[]){ 1, 2, 3 }, sizeof(int[3]))
}
