/* __attribute__((...)) on a function, a variable, a parameter and a statement (__fallthrough__): all dropped. */
static int __attribute__((noinline)) tune(int level) // IR: function tune | storage STATIC | returns int | params 1 | param 0 level: int
{
	int budget __attribute__((unused)) = level * 2; // IR: init budget = level * 2
	int weights[4] __attribute__((aligned(16))) = { 0 }; // IR: init weights = { 0 }

	switch (level) {
	case 1:
		adjust(level, weights); // IR: call adjust(level, weights) | edge FALLTHROUGH -> +2
		__attribute__((__fallthrough__)); // IR: nothing
	case 2: // IR: node CASE 2
		return budget;
	}
	return 0;
}

__attribute__((cold)) void tune_failed(void *ctx __attribute__((unused))) // IR: function tune_failed | returns void | params 1 | param 0 ctx: void *
{
	report_failure(); // IR: call report_failure()
}

void __attribute__((format(printf, 1, 2))) tune_log(const char *fmt, ...) __attribute__((weak)); // IR: nothing

int tune_all(void) __attribute__((warn_unused_result)); // IR: nothing
int __attribute__((section(".text.tune"))) tune_all(void) // IR: function tune_all | params 0
{
	return tune(3) + tune(4); // IR: call tune(3) | call tune(4)
}
