/*
 * A constructor that takes the caller's mask for the object but allocates an optional part with GFP_KERNEL,
 * only when the configuration asks for it (ipv6 routes with metrics). The caller under the lock builds a
 * configuration without that part, so the GFP_KERNEL branch never runs there; the model does not follow a
 * field of a structure the caller fills in, so the call is reported.
 */
struct metrics { int v[16]; };
struct route_cfg { struct metrics *mx; int dst; };
struct route { struct metrics *m; int dst; };
struct table { spinlock_t lock; struct route *anycast; };

static struct metrics *metrics_new(const struct metrics *from)
{
	struct metrics *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (m)
		*m = *from;
	return m;
}

static struct route *route_new(const struct route_cfg *cfg, gfp_t gfp)
{
	struct route *r = kzalloc(sizeof(*r), gfp);

	if (!r)
		return NULL;
	if (cfg->mx)
		r->m = metrics_new(cfg->mx);
	r->dst = cfg->dst;
	return r;
}

void table_add_anycast(struct table *t, int dst)
{
	struct route_cfg cfg = { .mx = NULL, .dst = dst };

	spin_lock_bh(&t->lock);
	t->anycast = route_new(&cfg, GFP_ATOMIC); // KNOWN-FP: warning: cfg.mx is NULL, so metrics_new is not called; a field of the caller's structure is not followed
	spin_unlock_bh(&t->lock);
}
