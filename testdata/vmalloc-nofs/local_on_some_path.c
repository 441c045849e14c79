// gfplint: kernel-version 5.10
/* The local is GFP_NOFS on one path only: reported, because that path is wrong. */
void *journal_buf(unsigned long len, bool in_transaction)
{
	gfp_t gfp = GFP_KERNEL;

	if (in_transaction)
		gfp = GFP_NOFS;
	return __vmalloc(len, gfp); // BUG: error: before 5.17
}
