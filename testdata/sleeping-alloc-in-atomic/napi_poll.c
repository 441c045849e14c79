/* A NAPI poll function runs in softirq context. */
struct ring { struct napi_struct napi; void *page; };

static int ring_poll(struct napi_struct *napi, int budget)
{
	struct ring *r = container_of(napi, struct ring, napi);

	r->page = (void *)__get_free_page(GFP_KERNEL); // BUG: error: in softirq context (netif_napi_add() registers ring_poll
	return 0;
}

static int ring_poll_ok(struct napi_struct *napi, int budget)
{
	struct ring *r = container_of(napi, struct ring, napi);

	r->page = (void *)__get_free_page(GFP_ATOMIC);
	return 0;
}

void ring_setup(struct net_device *dev, struct ring *r, struct ring *r2)
{
	netif_napi_add(dev, &r->napi, ring_poll);
	netif_napi_add(dev, &r2->napi, ring_poll_ok);
}
