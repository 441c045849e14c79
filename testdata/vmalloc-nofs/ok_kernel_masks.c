// gfplint: kernel-version 4.19
/* GFP_KERNEL-based masks and implicit masks ask for nothing vmalloc ignores. */
void *a(unsigned long n) { return __vmalloc(n, GFP_KERNEL | __GFP_ZERO, PAGE_KERNEL); }
void *b(unsigned long n) { return vzalloc(n); }
void *c(unsigned long n) { return kvmalloc(n, GFP_KERNEL_ACCOUNT); }
void *d(unsigned long n) { return vmalloc_user(n); }
