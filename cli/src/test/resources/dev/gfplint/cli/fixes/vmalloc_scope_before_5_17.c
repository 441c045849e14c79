// args: --kernel-version 5.10
/* Before 5.17 __vmalloc ignores NOFS and NOIO for its page tables: the scope API is what works. */
struct xbuf { void *data; void *log; };

int xbuf_alloc(struct xbuf *b, unsigned long size)
{
	b->data = __vmalloc(size, GFP_NOFS | __GFP_ZERO); /* the buffer */
	if (!b->data)
		return -ENOMEM;
	return 0;
}

static void *xbuf_map(unsigned long size)
{
	void *p;

	p = __vmalloc(size,
		      GFP_NOIO);
	return p;
}

int xbuf_log(struct xbuf *b, unsigned long size)
{
	if (size > 4096)
		b->log = __vmalloc(size, GFP_NOFS);
	return b->log ? 0 : -ENOMEM;
}
