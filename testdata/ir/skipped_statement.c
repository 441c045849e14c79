/* A statement the grammar cannot parse (a macro expanding to a non-C token sequence) becomes one SKIPPED node;
 * its neighbours still parse, and the calls inside it are found lexically (fromSkippedCode). */
int frob_setup(struct frob *f, size_t len) // IR: function frob_setup
{
	int ret = frob_check(f); // IR: call frob_check(f) | edge NORMAL -> +2

	FROB_ASSERT_OR f->buf = kmalloc(len, GFP_KERNEL) FROB_ELSE_FAIL; // IR: skipped | skipped-call kmalloc(len, GFP_KERNEL) | edge NORMAL -> +1
	if (ret) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +2
		return ret;
	FOO BAR BAZ; // IR: skipped | edge NORMAL -> +1
	return frob_start(f); // IR: call frob_start(f) | node RETURN
}

void frob_other(struct frob *f) // IR: function frob_other
{
	frob_lock(f); // IR: call frob_lock(f)
	frob_unlock(f); // IR: call frob_unlock(f)
}
