/* Declarations whose type is an unknown identifier (no header is read) next to calls and expressions that
 * look alike: `T x;` and `T *x = ...;` are declarations, `f(x);` stays a call, `*_t` names are types. */
int setup_ctx(struct dev *d) // IR: function setup_ctx
{
	ctx_state state; // IR: node STATEMENT
	frob_ctx *ctx = frob_ctx_get(d); // IR: call frob_ctx_get(d) | init ctx = frob_ctx_get(d)
	my_flags_t flags = default_flags(d); // IR: call default_flags(d) | init flags = default_flags(d)
	const frob_ops *ops = d->ops, *alt = NULL; // IR: init ops = d->ops | init alt = NULL

	frob_init(ctx); // IR: call frob_init(ctx) | node STATEMENT
	state = ctx_state_of(ctx, (my_flags_t)flags); // IR: call ctx_state_of(ctx, (my_flags_t)flags)
	return use_ops(ops ? ops : alt, state); // IR: call use_ops(ops ? ops : alt, state)
}
