/* min_t / max_t / clamp_t take a type as their first argument. */
size_t chunk_len(size_t left, unsigned int order) // IR: function chunk_len
{
	size_t n = min_t(size_t, left, PAGE_SIZE << order); // IR: call min_t(size_t, left, PAGE_SIZE << order) | init n = min_t(size_t, left, PAGE_SIZE << order)
	unsigned long m = max_t(unsigned long, n, 64); // IR: call max_t(unsigned long, n, 64)
	int c = clamp_t(int, order, 0, MAX_ORDER); // IR: call clamp_t(int, order, 0, MAX_ORDER)
	u64 big = min_t(unsigned long long, m, U32_MAX); // IR: call min_t(unsigned long long, m, U32_MAX)

	return min_t(struct_len_t, big, c) + max(n, m); // IR: call min_t(struct_len_t, big, c) | call max(n, m)
}
