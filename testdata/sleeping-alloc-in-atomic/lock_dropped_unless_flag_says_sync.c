/* A writer that drops its caller's lock around the I/O unless the caller asks for a synchronous write, with the
   flags written as the file's own #defines (jfs lbmWrite): the caller that holds the lock and passes no LB_SYNC
   never starts the I/O under it. */
#define LB_WRITE	0x0001
#define LB_RELEASE	0x0002
#define LB_SYNC		(1 << 3)
#define LOG_LOCK(log)	spin_lock_irq(&(log)->lock)
#define LOG_UNLOCK(log)	spin_unlock_irq(&(log)->lock)

struct log { spinlock_t lock; void *bio; };

static void log_start_io(struct log *log)
{
	log->bio = kmalloc(64, GFP_NOFS);
}

static void log_write(struct log *log, int flag, int cant_block)
{
	if (cant_block)
		return;
	else if (flag & LB_SYNC)
		log_start_io(log);
	else {
		LOG_UNLOCK(log);
		log_start_io(log);
		LOG_LOCK(log);
	}
}

void log_next_page(struct log *log)
{
	LOG_LOCK(log);
	log_write(log, LB_WRITE | LB_RELEASE, 0);
	LOG_UNLOCK(log);
}

/* the same through a helper that passes its own cant_block on, with the flags beside it */
static void log_gc_write(struct log *log, int cant_block)
{
	log_write(log, LB_WRITE, cant_block);
}

void log_group_commit(struct log *log)
{
	LOG_LOCK(log);
	log_gc_write(log, 0);
	LOG_UNLOCK(log);
}
