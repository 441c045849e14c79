package dev.gfplint.core.model;

/** A three-valued answer: the model knows yes, knows no, or cannot tell. */
public enum Tri {
    YES, NO, MAYBE;

    public static Tri of(boolean b) {
        return b ? YES : NO;
    }

    public Tri and(Tri o) {
        if (this == NO || o == NO) return NO;
        return this == YES && o == YES ? YES : MAYBE;
    }

    public Tri or(Tri o) {
        if (this == YES || o == YES) return YES;
        return this == NO && o == NO ? NO : MAYBE;
    }

    public Tri not() {
        return this == YES ? NO : this == NO ? YES : MAYBE;
    }

    /** Both possibilities joined: equal answers stay, different ones become MAYBE. */
    public Tri join(Tri o) {
        return this == o ? this : MAYBE;
    }

    public boolean possible() {
        return this != NO;
    }
}
