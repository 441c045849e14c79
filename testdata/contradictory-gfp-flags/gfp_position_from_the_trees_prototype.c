/* gfplint: kernel-version 4.19
   The tree declares bio_alloc in its 5.18 form (the gfp mask last); judged as 4.19, whose catalog form has the
   mask first, the tree's own prototype says where the mask is, so it is still found. */
struct bio *bio_alloc(struct block_device *bdev, unsigned short nr_vecs, unsigned int opf, gfp_t gfp);

struct bio *flush_bio(struct block_device *bdev)
{
	return bio_alloc(bdev, 1, REQ_OP_FLUSH, GFP_NOIO | __GFP_NOFAIL | __GFP_NORETRY); // BUG: error: __GFP_NOFAIL with __GFP_NORETRY
}
