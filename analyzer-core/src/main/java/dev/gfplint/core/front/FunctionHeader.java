package dev.gfplint.core.front;

import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.Parameter;
import java.util.List;

/** What the island scanner read from the tokens before a function body. */
record FunctionHeader(String name, int nameToken, Function.Storage storage, boolean inline, String returnType,
                      List<Parameter> params, String definedBy) {}
