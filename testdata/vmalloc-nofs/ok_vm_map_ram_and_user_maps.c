// gfplint: kernel-version 4.19
/* vm_map_ram and vmalloc_32 take no mask: nothing to ignore. */
void *map(struct page **pages, unsigned int count)
{
	return vm_map_ram(pages, count, -1, PAGE_KERNEL);
}

void *dma32_buf(unsigned long n)
{
	return vmalloc_32(n);
}
