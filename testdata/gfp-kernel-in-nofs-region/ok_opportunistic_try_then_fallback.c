/* mtd_kmalloc_up_to: a light, may-fail attempt first (NOIO | NORETRY), then the real allocation.
 * gfplint: path drivers/mtd/mtdcore.c */
void *kmalloc_up_to(unsigned long *size)
{
	gfp_t flags = __GFP_NOWARN | __GFP_DIRECT_RECLAIM | __GFP_NORETRY;
	void *kbuf;

	while (*size > PAGE_SIZE) {
		kbuf = kmalloc(*size, flags);
		if (kbuf)
			return kbuf;
		*size >>= 1;
	}
	return kmalloc(*size, GFP_KERNEL);
}
