package dev.gfplint.core.ir;

import java.util.List;

/** A function declared at file scope without a body ({@code int foo(struct bar *b, gfp_t gfp);}). */
public record Prototype(String name, List<Parameter> params, SourcePos pos) {}
