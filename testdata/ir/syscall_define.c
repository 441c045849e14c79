/* SYSCALL_DEFINEn(name, type, arg, ...) { } defines sys_name with the (type, arg) pairs as its parameters. */
SYSCALL_DEFINE3(frobnicate, unsigned int, fd, const char __user *, buf, size_t, count) // IR: function sys_frobnicate | defined-by SYSCALL_DEFINE3 | returns long | params 3 | param 0 fd: unsigned int | param 1 buf: const char * | param 2 count: size_t
{
	char *kbuf = kmalloc(count, GFP_KERNEL); // IR: call kmalloc(count, GFP_KERNEL) | init kbuf = kmalloc(count, GFP_KERNEL)

	if (!kbuf)
		return -ENOMEM; // IR: edge RETURN -> exit
	if (copy_from_user(kbuf, buf, count)) { // IR: call copy_from_user(kbuf, buf, count)
		kfree(kbuf);
		return -EFAULT;
	}
	return frob_fd(fd, kbuf, count); // IR: call frob_fd(fd, kbuf, count)
}

SYSCALL_DEFINE0(frob_reset) // IR: function sys_frob_reset | defined-by SYSCALL_DEFINE0 | params 0
{
	return frob_reset_all(); // IR: call frob_reset_all()
}

COMPAT_SYSCALL_DEFINE2(frob_compat, compat_uptr_t, uptr, compat_size_t, len) // IR: function compat_sys_frob_compat | defined-by COMPAT_SYSCALL_DEFINE2 | params 2 | param 0 uptr: compat_uptr_t | param 1 len: compat_size_t
{
	return do_frob(compat_ptr(uptr), len); // IR: call compat_ptr(uptr) | call do_frob(compat_ptr(uptr), len)
}
