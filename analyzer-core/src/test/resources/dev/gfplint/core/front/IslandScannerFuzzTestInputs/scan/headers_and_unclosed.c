typedef struct { int a; } foo_t;
typedef void (*cb_t)(int);
static int (*pick(int a))(void)
{
	return 0;
}
SYSCALL_DEFINE2(open, const char __user *, filename, int, flags)
{
	return 0;
}
extern "C" {
void g(void) __must_hold(x)
{
}
}
MACRO(a) { .x = 1 };
void unclosed(void)
{
	if (x) {
