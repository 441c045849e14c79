/* gfplint: kernel-version 4.19
   No prototype in the tree: bio_alloc is called in its 5.18 form (four arguments, the mask last) in a tree
   judged as 4.19, whose form has two. Four arguments fit the 5.18 form only, so its mask is found. bio_kmalloc's
   two forms both take two arguments: the count says nothing, and the 4.19 form (mask first) is used. */
struct bio *flush_bio(struct block_device *bdev)
{
	return bio_alloc(bdev, 1, REQ_OP_FLUSH, GFP_NOIO | __GFP_NOFAIL | __GFP_NORETRY); // BUG: error: __GFP_NOFAIL with __GFP_NORETRY
}

struct bio *small_bio(unsigned short n)
{
	return bio_kmalloc(GFP_NOIO, n);
}
