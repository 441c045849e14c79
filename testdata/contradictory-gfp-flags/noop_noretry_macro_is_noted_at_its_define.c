/* A transport's private mask: no reclaim bits at all, so NORETRY is a no-op. Noted once, at the #define. */
#define XPRT_GFP_FLAGS	(__GFP_NOMEMALLOC | __GFP_NORETRY | __GFP_NOWARN) // BUG: note: #define XPRT_GFP_FLAGS

void *ep_create(void)
{
	return kzalloc(64, XPRT_GFP_FLAGS);
}

void *req_create(int node)
{
	return kmalloc_node(128, XPRT_GFP_FLAGS, node);
}
