package dev.gfplint.core.ir;

/** A CFG edge. {@code label} is the case expression text for CASE edges, else null. */
public record Edge(CfgNode from, CfgNode to, Kind kind, String label) {
    public enum Kind { NORMAL, TRUE, FALSE, CASE, DEFAULT, BACK, GOTO, BREAK, CONTINUE, RETURN, FALLTHROUGH }

    @Override
    public String toString() {
        return from.id() + "->" + to.id() + ":" + kind + (label != null ? "(" + label + ")" : "");
    }
}
