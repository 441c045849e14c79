package dev.gfplint.core.lex;

/** The preprocessor lines the front end tells apart. */
public enum DirectiveKind {
    IF, IFDEF, IFNDEF, ELIF, ELIFDEF, ELIFNDEF, ELSE, ENDIF, DEFINE, UNDEF, INCLUDE, OTHER;

    public boolean opensGroup() { return this == IF || this == IFDEF || this == IFNDEF; }

    public boolean continuesGroup() {
        return this == ELIF || this == ELIFDEF || this == ELIFNDEF || this == ELSE;
    }

    private static final DirectiveKind[] ALL = values();

    /** The kind of ordinal {@code i} (without the copy {@code values()} makes at each call). */
    static DirectiveKind ofOrdinal(int i) {
        return ALL[i];
    }

    /** The kind of the directive named s[a..b) (without making a String of every directive's name). */
    static DirectiveKind of(char[] s, int a, int b) {
        int n = b - a;
        for (int k = 0; k < NAMES.length; k++) {
            String name = NAMES[k];
            if (name.length() != n) continue;
            int i = 0;
            while (i < n && name.charAt(i) == s[a + i]) i++;
            if (i == n) return KINDS[k];
        }
        return OTHER;
    }

    private static final String[] NAMES = {"include", "define", "endif", "ifdef", "if", "else", "ifndef", "undef",
        "elif", "elifdef", "elifndef", "include_next"};
    private static final DirectiveKind[] KINDS = {INCLUDE, DEFINE, ENDIF, IFDEF, IF, ELSE, IFNDEF, UNDEF, ELIF,
        ELIFDEF, ELIFNDEF, INCLUDE};
}
