/* xa_for_each over an XArray; an `if (...) break;` leaves the loop on the TRUE edge of the if. */
struct cache_obj {
	unsigned long flags;
};

int xa_release_all(struct xarray *xa, unsigned long limit) // IR: function xa_release_all | params 2 | param 0 xa: struct xarray * | param 1 limit: unsigned long
{
	struct cache_obj *obj;
	unsigned long index;
	int freed = 0; // IR: init freed = 0

	xa_for_each(xa, index, obj) { // IR: node ITERATOR xa_for_each | call xa_for_each(xa, index, obj) | edge TRUE -> +1 | edge FALSE -> +7
		if (index >= limit) // IR: node BRANCH | edge TRUE -> +6 | edge FALSE -> +2
			break;
		xa_erase(xa, index); // IR: call xa_erase(xa, index)
		kfree(obj); // IR: call kfree(obj)
		freed++; // IR: edge BACK -> -5
	}
	return freed; // IR: edge RETURN -> exit
}
