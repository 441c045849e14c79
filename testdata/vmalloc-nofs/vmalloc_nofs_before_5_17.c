// gfplint: kernel-version 5.10
/* A filesystem buffer allocated with GFP_NOFS: on 5.10 vmalloc ignores it for its page tables. */
struct xbuf { void *data; };

int xbuf_alloc(struct xbuf *b, unsigned long size)
{
	b->data = __vmalloc(size, GFP_NOFS); // BUG: error: __vmalloc() with GFP_NOFS: before 5.17 vmalloc allocates its page tables with GFP_KERNEL
	if (!b->data)
		return -ENOMEM;
	return 0;
}
