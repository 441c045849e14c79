/* GNU statement expressions ({ ... }): their calls and declarations belong to the node that evaluates them. */
#define alloc_or_warn(sz, gfp) ({ void *__p = kmalloc(sz, gfp); if (!__p) pr_warn("oom\n"); __p; }) // IR: macro alloc_or_warn(sz, gfp)

static void *grab(size_t sz) // IR: function grab
{
	void *p = ({ // IR: node STATEMENT | init p = ({ void *__tmp = kmalloc(sz, GFP_KERNEL); if (!__tmp) __tmp = vmalloc(sz); __tmp; })
		void *__tmp = kmalloc(sz, GFP_KERNEL); // IR: call kmalloc(sz, GFP_KERNEL) | init __tmp = kmalloc(sz, GFP_KERNEL)
		if (!__tmp)
			__tmp = vmalloc(sz); // IR: call vmalloc(sz) | assign __tmp = vmalloc(sz)
		__tmp;
	}); // IR: nothing
	int n = ({ int __a = count_a(p), __b = count_b(p); __a > __b ? __a : __b; }); // IR: node STATEMENT | call count_a(p) | call count_b(p) | init __a = count_a(p) | init __b = count_b(p) | init n = ({ int __a = count_a(p), __b = count_b(p); __a > __b ? __a : __b; })

	if (({ bool __ok = check_buf(p, n); __ok; })) // IR: node BRANCH | call check_buf(p, n) | edge TRUE -> +1
		return alloc_or_warn(n, GFP_NOFS); // IR: call alloc_or_warn(n, GFP_NOFS)
	consume(({ int __x = make_x(); __x + 1; })); // IR: call make_x() | call consume(({ int __x = make_x(); __x + 1; }))
	return p;
}
