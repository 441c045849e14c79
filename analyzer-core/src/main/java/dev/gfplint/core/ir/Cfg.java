package dev.gfplint.core.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The control-flow graph of one function body: nodes in creation (roughly source) order, entry and exit. */
public final class Cfg {
    private final List<CfgNode> nodes;
    private final CfgNode entry;
    private final CfgNode exit;

    Cfg(List<CfgNode> nodes, CfgNode entry, CfgNode exit) {
        this.nodes = nodes;
        this.entry = entry;
        this.exit = exit;
    }

    public List<CfgNode> nodes() { return Collections.unmodifiableList(nodes); }
    public CfgNode entry() { return entry; }
    public CfgNode exit() { return exit; }

    /** Every call of the function, in node order. */
    public List<CallSite> callSites() {
        List<CallSite> all = new ArrayList<>();
        for (CfgNode n : nodes) all.addAll(n.calls);
        return all;
    }

    /** Every edge, in node order. */
    public List<Edge> edges() {
        List<Edge> all = new ArrayList<>();
        for (CfgNode n : nodes) all.addAll(n.out);
        return all;
    }

    /** The first node of the given kind at the given line, or null. */
    public CfgNode nodeAt(int line, CfgNode.Kind kind) {
        for (CfgNode n : nodes) if (n.pos().line() == line && n.kind() == kind) return n;
        return null;
    }
}
