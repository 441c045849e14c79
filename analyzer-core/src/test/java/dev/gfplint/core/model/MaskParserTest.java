package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskParserTest {
    private static Mask eval(String text, Map<String, Long> names) {
        MacroEnv env = (n, f) -> names.containsKey(n) ? new MacroDef(n, null, MaskExpr.constant(names.get(n)), "t") : null;
        return new Evaluator(env.then(Prelude.ENV), null).evalJoined(MaskParser.parse(text), Evaluator.Context.NONE);
    }

    @Test
    void kernelStyleCastsAndSuffixesAreUnderstood() {
        assertEquals(Mask.of(0x80), eval("((__force gfp_t)0x80u)", Map.of()));
        assertEquals(Mask.of(0x400000), eval("(( gfp_t)0x400000u)", Map.of()));
        assertEquals(Mask.of(0x10), eval("(unsigned long)(1UL << 4)", Map.of()));
        assertEquals(Mask.of(1L << 23), eval("BIT(23)", Map.of()));
    }

    @Test
    void parenthesesAroundANameAreNotACast() {
        assertEquals(Mask.of(0xc40), eval("(GFP_NOFS)", Map.of("GFP_NOFS", 0xc40L)));
    }

    @Test
    void cPrecedence() {
        assertEquals(Mask.of(0x40 | (0x80 & 0xf0)), eval("0x40 | 0x80 & 0xf0", Map.of()));
        assertEquals(Mask.of(((1L << 26) - 1)), eval("((1 << 26) - 1)", Map.of()));
        assertEquals(Mask.of(0x7f), eval("0xff & ~0x80", Map.of()));
    }

    @Test
    void conditionalWithAKnownConditionPicksOneSide() {
        assertEquals(Mask.of(2), eval("1 ? 2 : 3", Map.of()));
        assertEquals(Mask.of(3), eval("0 ? 2 : 3", Map.of()));
    }

    @Test
    void integerLiterals() {
        assertEquals(0x80L, MaskParser.parseInt("0x80u"));
        assertEquals(8L, MaskParser.parseInt("010"));
        assertEquals(12L, MaskParser.parseInt("12UL"));
        assertEquals(null, MaskParser.parseInt("12.5"));
    }

    @Test
    void whatIsNotAnExpressionIsUnknown() {
        assertTrue(MaskParser.parse("do { x(); } while (0)").isUnknown());
        assertTrue(MaskParser.parse("a ## b").isUnknown());
        assertTrue(MaskParser.parse("\"text\"").isUnknown());
        assertTrue(MaskParser.parse("").isUnknown());
        assertTrue(MaskParser.parse("(1 | 2").isUnknown());
    }
}
