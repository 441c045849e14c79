/* An #ifdef without #else (one live branch) is kept as plain code: no branch on the condition. */
int frob_probe(struct frob *f) // IR: function frob_probe
{
	int ret = frob_hw_init(f); // IR: call frob_hw_init(f) | edge NORMAL -> +2
#ifdef CONFIG_FROB_DEBUG
	frob_debugfs_init(f); // IR: call frob_debugfs_init(f) | node STATEMENT | edge NORMAL -> +2
#endif
	return ret; // IR: node RETURN
}
