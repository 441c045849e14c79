/* __label__ local labels inside a statement expression, and a label right before the closing brace. */
int try_twice(struct dev *d) // IR: function try_twice
{
	int r = ({ // IR: init r = ({ __label__ again; int __n = 0; again: __n++; if (dev_try(d) && __n < 2) goto again; __n; })
		__label__ again;
		int __n = 0;
	again:
		__n++;
		if (dev_try(d) && __n < 2) // IR: call dev_try(d)
			goto again;
		__n;
	});

	if (r > 1)
		goto out; // IR: node GOTO out | edge GOTO -> +2
	dev_ok(d); // IR: call dev_ok(d)
out: // IR: node LABEL out | edge NORMAL -> exit
}
