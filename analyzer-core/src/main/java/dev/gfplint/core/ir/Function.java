package dev.gfplint.core.ir;

import java.util.List;

/**
 * One function definition. {@code skippedStatements} counts the statements the parser could not parse and
 * replaced by SKIPPED nodes; a function is fully parsed when it is zero and the body was not given up on.
 */
public final class Function {
    public enum Storage { STATIC, EXTERN, NONE }

    private final String name;
    private final Storage storage;
    private final boolean inline;
    private final String returnType;
    private final List<Parameter> params;
    private final SourcePos pos;
    private final SourcePos bodyEnd;
    private final String definedBy;
    private final Stmt body;
    private final Cfg cfg;
    private final int skippedStatements;
    private final boolean bodyUnparsed;

    public Function(String name, Storage storage, boolean inline, String returnType, List<Parameter> params,
                    SourcePos pos, SourcePos bodyEnd, String definedBy, Stmt body, Cfg cfg, int skippedStatements,
                    boolean bodyUnparsed) {
        this.name = name;
        this.storage = storage;
        this.inline = inline;
        this.returnType = returnType;
        this.params = List.copyOf(params);
        this.pos = pos;
        this.bodyEnd = bodyEnd;
        this.definedBy = definedBy;
        this.body = body;
        this.cfg = cfg;
        this.skippedStatements = skippedStatements;
        this.bodyUnparsed = bodyUnparsed;
    }

    private List<String> annotations = List.of();

    /** The annotation macros written before the name ({@code __init}, {@code notrace}), dropped before parsing. */
    public List<String> annotations() { return annotations; }
    public void setAnnotations(List<String> a) { annotations = List.copyOf(a); }

    public String name() { return name; }
    public Storage storage() { return storage; }
    public boolean isStatic() { return storage == Storage.STATIC; }
    public boolean isInline() { return inline; }
    public String returnType() { return returnType; }
    public List<Parameter> params() { return params; }
    /** Where the function's name is. */
    public SourcePos pos() { return pos; }
    /** Where its closing brace is. */
    public SourcePos bodyEnd() { return bodyEnd; }
    /** The defining macro (SYSCALL_DEFINE3, ...) when the function is written through one, else null. */
    public String definedBy() { return definedBy; }
    public Stmt body() { return body; }
    public Cfg cfg() { return cfg; }
    public int skippedStatements() { return skippedStatements; }
    /** True when the parser gave up on the whole body (it then is one SKIPPED statement). */
    public boolean bodyUnparsed() { return bodyUnparsed; }
    public boolean fullyParsed() { return skippedStatements == 0 && !bodyUnparsed; }

    public Parameter param(String n) {
        for (Parameter p : params) if (p.name().equals(n)) return p;
        return null;
    }

    @Override
    public String toString() {
        return name + "@" + pos;
    }
}
