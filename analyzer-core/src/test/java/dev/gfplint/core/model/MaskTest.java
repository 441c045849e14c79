package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskTest {
    private static final long FS = 0x80, IO = 0x40;

    @Test
    void constantsCombineLikeIntegers() {
        Mask k = Mask.of(0xcc0);
        assertEquals(Mask.of(0xc40), k.and(Mask.of(FS).not()));
        assertEquals(Mask.of(0xcc0 | 0x8000), k.or(Mask.of(0x8000)));
        assertEquals(Mask.of(0xc40), k.xor(Mask.of(FS)));
        assertTrue(k.isConstant());
    }

    @Test
    void unknownBitsStayUnknownUnlessAnOperandDecides() {
        Mask u = Mask.UNKNOWN;
        assertEquals(Tri.MAYBE, u.hasAll(FS));
        assertEquals(Tri.YES, u.or(Mask.of(FS)).hasAll(FS), "| sets the bit whatever the other side");
        assertEquals(Tri.NO, u.and(Mask.of(FS).not()).hasAny(FS), "& ~FS clears it whatever the other side");
        assertEquals(Tri.MAYBE, u.and(Mask.of(FS).not()).hasAny(IO), "other bits stay unknown");
        assertEquals(Tri.MAYBE, u.xor(Mask.of(FS)).hasAll(FS));
    }

    @Test
    void joinKeepsOnlyWhatBothPathsAgreeOn() {
        Mask nofs = Mask.of(0xc40), kernel = Mask.of(0xcc0);
        Mask j = nofs.join(kernel);
        assertEquals(Tri.MAYBE, j.hasAll(FS));
        assertEquals(Tri.YES, j.hasAll(IO));
        assertTrue(j.isDefinite(IO));
        assertFalse(j.isDefinite(FS));
    }

    @Test
    void shiftsMoveKnownBitsAndFillWithZeros() {
        assertEquals(Mask.of(1L << 7), Mask.of(1).shl(7));
        assertEquals(Tri.NO, Mask.UNKNOWN.shl(4).hasAny(0xf), "low bits shifted in are clear");
        assertEquals(Mask.of(1), Mask.of(0x80).shr(7));
    }

    @Test
    void bitsCannotBeBothSetAndClear() {
        assertThrows(IllegalArgumentException.class, () -> new Mask(1, 1));
    }

    @Test
    void triLogic() {
        assertEquals(Tri.NO, Tri.MAYBE.and(Tri.NO));
        assertEquals(Tri.YES, Tri.MAYBE.or(Tri.YES));
        assertEquals(Tri.MAYBE, Tri.YES.join(Tri.NO));
        assertEquals(Tri.NO, Tri.YES.not());
    }
}
