/* hibernation get_swap_reader: GFP_KERNEL before the loop, GFP_NOIO inside it; "before" only via the back edge. */
int get_reader(struct handle *h, int n)
{
	for (int i = 0; i < n; i++) {
		void *map = kzalloc(64, GFP_KERNEL);
		void *page = (void *)__get_free_page(GFP_NOIO | __GFP_HIGH);

		if (!map || !page)
			return -ENOMEM;
		link(h, map, page);
	}
	return 0;
}
