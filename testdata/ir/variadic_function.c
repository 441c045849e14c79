/* Variadic functions: the `...` parameter, va_list handling (va_arg takes a type), variadic calls. */
__printf(2, 3)
int log_event(struct logger *lg, const char *fmt, ...) // IR: function log_event | params 3 | param 1 fmt: const char * | param 2 : ...
{
	va_list args;
	int n;

	va_start(args, fmt); // IR: call va_start(args, fmt)
	n = vsnprintf(lg->buf, sizeof(lg->buf), fmt, args); // IR: call vsnprintf(lg->buf, sizeof(lg->buf), fmt, args)
	va_end(args); // IR: call va_end(args)
	return n;
}

char *dup_printf(gfp_t gfp, const char *fmt, ...) // IR: function dup_printf | params 3 | param 0 gfp: gfp_t | param 2 : ...
{
	va_list ap;
	char *s;
	int first;

	va_start(ap, fmt);
	first = va_arg(ap, int); // IR: call va_arg(ap, int)
	s = kvasprintf(gfp, fmt, ap); // IR: call kvasprintf(gfp, fmt, ap)
	va_end(ap);
	log_event(&default_logger, "%s %d %p\n", s, first, NULL); // IR: call log_event(&default_logger, "%s %d %p\n", s, first, NULL)
	return s;
}
