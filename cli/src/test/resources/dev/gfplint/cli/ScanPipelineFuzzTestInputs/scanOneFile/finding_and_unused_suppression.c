#include <linux/slab.h>

static int add_one(int x)
{
	return x + 1;
}

void *make_buf(size_t n)
{
	return kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL); // gfplint: ignore[vmalloc-nofs] unused
}
