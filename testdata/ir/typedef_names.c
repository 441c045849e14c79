/* typedef declarations: the declared names are collected (TranslationUnit.typedefs()) and used as types in
 * later function bodies; a typedef inside a function body is a declaration statement like any other. */
typedef unsigned long frob_word; // IR: typedef frob_word | nothing
typedef struct frob_ctx { int a; } frob_ctx_s; // IR: typedef frob_ctx_s
typedef void (*frob_cb)(void *data); // IR: typedef frob_cb
typedef int (*frob_cmp)(const void *, const void *); // IR: typedef frob_cmp

frob_word frob_hash(frob_ctx_s *ctx, frob_cb cb) // IR: function frob_hash | returns frob_word | param 0 ctx: frob_ctx_s * | param 1 cb: frob_cb
{
	typedef unsigned int frob_half; // IR: node STATEMENT
	frob_half h = (frob_half)ctx->a; // IR: init h = (frob_half)ctx->a

	cb(ctx); // IR: call cb(ctx)
	return (frob_word)h * sizeof(frob_word); // IR: node RETURN
}
