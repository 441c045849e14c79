/* Case bodies in their own braces, with declarations, and a break from inside the braces. */
long frob_ioctl(struct frob *f, unsigned int cmd, unsigned long arg) // IR: function frob_ioctl
{
	long ret = 0;

	switch (cmd) { // IR: node SWITCH | edge CASE[FROB_GET] -> +1 | edge CASE[FROB_SET] -> +6 | edge DEFAULT -> +15
	case FROB_GET: { // IR: node CASE FROB_GET | edge NORMAL -> +1
		struct frob_info info = { .id = f->id }; // IR: init info = { .id = f->id }
		ret = copy_to_user((void __user *)arg, &info, sizeof(info)) ? -EFAULT : 0; // IR: call copy_to_user((void __user *)arg, &info, sizeof(info)) | edge BREAK -> +16
		break;
	}
	case FROB_SET: { // IR: node CASE FROB_SET
		void *buf = memdup_user((void __user *)arg, PAGE_SIZE); // IR: call memdup_user((void __user *)arg, PAGE_SIZE)

		if (IS_ERR(buf)) { // IR: call IS_ERR(buf) | edge TRUE -> +1 | edge FALSE -> +4
			ret = PTR_ERR(buf); // IR: edge BREAK -> +9
			break;
		}
		frob_apply(f, buf); // IR: edge FALLTHROUGH -> +2
	}
	default: // IR: node CASE default
		ret = -ENOTTY; // IR: edge BREAK -> +3
		break;
	}
	return ret; // IR: edge RETURN -> exit
}
