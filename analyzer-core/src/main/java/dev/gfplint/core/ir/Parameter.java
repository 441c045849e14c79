package dev.gfplint.core.ir;

/** A function parameter: its position, its type as written (white space folded) and its name ("" if none). */
public record Parameter(int index, String type, String name) {}
