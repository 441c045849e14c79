/* After idr_preload() preemption is off until idr_preload_end(): GFP_KERNEL there may sleep. */
int reg_add(struct idr *idr, void *ptr)
{
	int id;

	idr_preload(GFP_KERNEL);
	id = idr_alloc(idr, ptr, 0, 0, GFP_KERNEL); // BUG: error: under idr_preload(GFP_KERNEL) taken at line 6
	idr_preload_end();
	return id;
}
