/* C11 _Generic: the controlling expression and the associations are expressions; calls in them are found,
 * and a _Generic that selects a function and is then called is a call through a non-name callee. */
#define to_bytes(x) _Generic((x), u32: u32_to_bytes, u64: u64_to_bytes)(x) // IR: macro to_bytes(x) = _Generic((x), u32: u32_to_bytes, u64: u64_to_bytes)(x)

long describe(u64 v, u32 w) // IR: function describe
{
	long a = _Generic(v, u32: narrow(v), u64: wide(v), default: other(v)); // IR: call narrow(v) | call wide(v) | call other(v) | init a = _Generic(v, u32: narrow(v), u64: wide(v), default: other(v))
	long b = _Generic((w), u32: u32_to_long, default: any_to_long)(w); // IR: indirect-call _Generic((w), u32: u32_to_long, default: any_to_long)(w)

	return a + b;
}
