package dev.gfplint.core.model;

/**
 * A gfp mask known bit by bit: each bit is set, clear, or unknown. {@code one} holds the bits known set,
 * {@code zero} the bits known clear; they never overlap. Arithmetic other than the bitwise operators is only
 * exact when both operands are fully known; otherwise the result is unknown.
 */
public record Mask(long one, long zero) {
    public static final Mask UNKNOWN = new Mask(0, 0);
    public static final Mask ZERO = new Mask(0, -1L);

    public Mask {
        if ((one & zero) != 0) throw new IllegalArgumentException("bits both set and clear");
    }

    public static Mask of(long value) {
        return new Mask(value, ~value);
    }

    public boolean isConstant() {
        return (one | zero) == -1L;
    }

    /** The value, when {@link #isConstant()}. */
    public long value() {
        return one;
    }

    /** True when every bit of {@code bits} is known. */
    public boolean isDefinite(long bits) {
        return ((one | zero) & bits) == bits;
    }

    /** Whether every bit of {@code bits} is set: YES, NO (some bit known clear), or MAYBE. */
    public Tri hasAll(long bits) {
        if (bits == 0) return Tri.YES;
        if ((zero & bits) != 0) return Tri.NO;
        return (one & bits) == bits ? Tri.YES : Tri.MAYBE;
    }

    /** Whether any bit of {@code bits} is set. */
    public Tri hasAny(long bits) {
        if (bits == 0) return Tri.NO;
        if ((one & bits) != 0) return Tri.YES;
        return (zero & bits) == bits ? Tri.NO : Tri.MAYBE;
    }

    public Mask or(Mask o) {
        return new Mask(one | o.one, zero & o.zero);
    }

    public Mask and(Mask o) {
        return new Mask(one & o.one, zero | o.zero);
    }

    public Mask xor(Mask o) {
        long known = (one | zero) & (o.one | o.zero);
        long v = one ^ o.one;
        return new Mask(v & known, ~v & known);
    }

    public Mask not() {
        return new Mask(zero, one);
    }

    /** Sets the given bits. */
    public Mask with(long bits) {
        return new Mask(one | bits, zero & ~bits);
    }

    /** Clears the given bits. */
    public Mask without(long bits) {
        return new Mask(one & ~bits, zero | bits);
    }

    /** The mask that is true on either path: bits that agree stay known, the others become unknown. */
    public Mask join(Mask o) {
        return new Mask(one & o.one, zero & o.zero);
    }

    /** Shift left by a known amount (bits shifted in are clear). */
    public Mask shl(int n) {
        if (n < 0 || n > 63) return UNKNOWN;
        return new Mask(one << n, (zero << n) | ((1L << n) - 1));
    }

    public Mask shr(int n) {
        if (n < 0 || n > 63) return UNKNOWN;
        return new Mask(one >>> n, (zero >>> n) | (n == 0 ? 0 : ~(-1L >>> n)));
    }

    @Override
    public String toString() {
        if (isConstant()) return "0x" + Long.toHexString(one);
        return "{set=0x" + Long.toHexString(one) + " clear=0x" + Long.toHexString(zero) + "}";
    }
}
