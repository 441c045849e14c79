/* guard(type)(args) and CLASS(type, var)(args): a call whose callee is itself a call; both are call sites,
 * the outer one without a callee name. */
void stats_add(struct stats *s, u64 v) // IR: function stats_add
{
	guard(spinlock_irqsave)(&s->lock); // IR: node STATEMENT | call guard(spinlock_irqsave) | indirect-call guard(spinlock_irqsave)(&s->lock) | edge NORMAL -> +1
	s->total += v; // IR: assign s->total += v
}

int stats_get(struct stats *s) // IR: function stats_get
{
	guard(rcu)(); // IR: call guard(rcu) | indirect-call guard(rcu)()
	return READ_ONCE(s->total); // IR: call READ_ONCE(s->total)
}

long stats_ioctl(unsigned int ufd) // IR: function stats_ioctl
{
	CLASS(fd, f)(ufd); // IR: call CLASS(fd, f) | indirect-call CLASS(fd, f)(ufd)

	if (fd_empty(f)) // IR: call fd_empty(f)
		return -EBADF;
	return stats_fd(fd_file(f)); // IR: call fd_file(f) | call stats_fd(fd_file(f))
}
