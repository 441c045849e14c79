package dev.gfplint.core.lex;

/** The preprocessor lines the front end tells apart. */
public enum DirectiveKind {
    IF, IFDEF, IFNDEF, ELIF, ELIFDEF, ELIFNDEF, ELSE, ENDIF, DEFINE, UNDEF, INCLUDE, OTHER;

    public boolean opensGroup() { return this == IF || this == IFDEF || this == IFNDEF; }

    public boolean continuesGroup() {
        return this == ELIF || this == ELIFDEF || this == ELIFNDEF || this == ELSE;
    }

    static DirectiveKind of(String name) {
        switch (name) {
            case "if": return IF;
            case "ifdef": return IFDEF;
            case "ifndef": return IFNDEF;
            case "elif": return ELIF;
            case "elifdef": return ELIFDEF;
            case "elifndef": return ELIFNDEF;
            case "else": return ELSE;
            case "endif": return ENDIF;
            case "define": return DEFINE;
            case "undef": return UNDEF;
            case "include": case "include_next": return INCLUDE;
            default: return OTHER;
        }
    }
}
