/* Sparse casts (__force T)x: __force is dropped before parsing but stays in the expression text. */
static inline gfp_t to_gfp(unsigned int raw) // IR: function to_gfp | returns gfp_t
{
	return (__force gfp_t)raw; // IR: node RETURN | edge RETURN -> exit
}

unsigned int pack_flags(gfp_t gfp, __le32 *out) // IR: function pack_flags | param 0 gfp: gfp_t | param 1 out: __le32 *
{
	unsigned int bits = (__force unsigned int)gfp; // IR: init bits = (__force unsigned int)gfp

	*out = cpu_to_le32((__force u32)(gfp & __GFP_BITS_MASK)); // IR: call cpu_to_le32((__force u32)(gfp & __GFP_BITS_MASK)) | assign *out = cpu_to_le32((__force u32)(gfp & __GFP_BITS_MASK))
	bits |= (__force unsigned int)to_gfp(bits >> 2); // IR: call to_gfp(bits >> 2) | assign bits |= (__force unsigned int)to_gfp(bits >> 2)
	return bits;
}
