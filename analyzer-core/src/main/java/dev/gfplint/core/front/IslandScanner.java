package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.Parameter;
import dev.gfplint.core.lex.TokenBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The file-scope pass of the island design. It walks the token stream counting braces and parentheses and
 * cuts it into chunks: a chunk ending in ';' is a declaration (typedef names are collected from it), a
 * chunk whose tokens before a '{' end in a parameter list is a function definition, any other '{' (struct,
 * enum, initializer, a block inside a macro argument) is skipped as a whole. Nothing here can fail: a chunk
 * that is not understood is passed over.
 */
final class IslandScanner {
    /** A function definition found at file scope: its header and the stream indices of its braces. */
    record Candidate(FunctionHeader header, int open, int close) {}

    private final TokenBuffer tb;
    private final int[] seq;
    private final IdiomTable idioms;
    final List<Candidate> functions = new ArrayList<>();
    final Set<String> typedefs = new HashSet<>();
    /** Function declarations without a body ({@code void *foo(size_t n, gfp_t gfp);}), in order. */
    final List<FunctionHeader> prototypes = new ArrayList<>();
    /** File-scope initializers that name functions in designated members ({@code .writepages = foo_writepages}). */
    final List<Table> tables = new ArrayList<>();

    /** {@code type}: the struct tag or null; {@code nameTok}: the variable's token; {@code members}: {field, function} tokens. */
    record Table(String type, int nameTok, List<int[]> members) {}

    IslandScanner(TokenBuffer tb, int[] seq, IdiomTable idioms) {
        this.tb = tb;
        this.seq = seq;
        this.idioms = idioms;
    }

    private int type(int i) {
        return tb.type(seq[i]);
    }

    private String text(int i) {
        return tb.text(seq[i]);
    }

    void scan() {
        int n = seq.length;
        int i = 0;
        int chunkStart = 0;
        int pd = 0;
        while (i < n) {
            int t = type(i);
            if (t == LPAREN || t == LBRACK) {
                pd++;
            } else if (t == RPAREN || t == RBRACK) {
                if (pd > 0) pd--;
            } else if (t == LBRACE && i >= 2 && type(i - 1) == STRING && type(i - 2) == EXTERN) {
                chunkStart = i + 1; // extern "C" { ... }: its contents are file scope
            } else if (t == LBRACE) {
                int close = closing(i, LBRACE, RBRACE);
                if (close < 0) close = n - 1; // the file ends first
                if (pd == 0) {
                    FunctionHeader h = header(chunkStart, i);
                    // MACRO(args) { .field = ... } is an initializer (kselftest FIXTURE_VARIANT_ADD), not a body
                    // (a '{' that ends the file opens no body: there is nothing to analyse)
                    if (h != null && close > i && !(i + 1 < n && type(i + 1) == DOT)) {
                        functions.add(new Candidate(h, i, close));
                        i = close + 1;
                        chunkStart = i;
                        continue;
                    }
                }
                if (pd == 0 && i > chunkStart && type(i - 1) == ASSIGN) initializer(chunkStart, i, close);
                // A block after ')' that is no function (a macro-made initializer or definition) still ends
                // the chunk: otherwise the functions after it would be read as part of one long header.
                boolean afterParen = i > chunkStart && type(i - 1) == RPAREN && pd == 0;
                i = close + 1;
                if (afterParen) chunkStart = i;
                continue;
            } else if (t == SEMI) {
                declaration(chunkStart, i);
                chunkStart = i + 1;
                pd = 0;
            } else if (t == RBRACE) {
                chunkStart = i + 1;
                pd = 0;
            }
            i++;
        }
    }

    /**
     * Keeps the initializer {@code [brace, close]} of the declaration starting at {@code a} when it stores
     * functions in designated members: {@code .field = name} or {@code .field = &name}, at any depth (arrays
     * of structs, nested structs). One pass over the tokens; what is not of that form is passed over.
     */
    private void initializer(int a, int brace, int close) {
        List<int[]> members = null;
        for (int j = brace + 1; j + 3 <= close; j++) {
            if (type(j) != DOT || type(j + 1) != IDENT || type(j + 2) != ASSIGN) continue;
            int k = j + 3;
            if (type(k) == AMP) k++;
            if (k + 1 <= close && type(k) == IDENT && (type(k + 1) == COMMA || type(k + 1) == RBRACE)) {
                if (members == null) members = new ArrayList<>(4);
                members.add(new int[] {j + 1, k});
            }
        }
        if (members == null) return;
        String tag = null;
        int name = -1;
        int bd = 0;
        for (int j = a; j < brace - 1; j++) {
            if (tag == null && (type(j) == STRUCT || type(j) == UNION) && type(j + 1) == IDENT) tag = text(j + 1);
        }
        for (int j = brace - 2; j >= a; j--) { // the declared name: the last identifier outside brackets
            int t = type(j);
            if (t == RBRACK) bd++;
            else if (t == LBRACK) bd--;
            else if (bd == 0 && t == IDENT) {
                name = j;
                break;
            }
        }
        if (name < 0 || name > a && (type(name - 1) == STRUCT || type(name - 1) == UNION)) return;
        tables.add(new Table(tag, name, members));
    }

    /** Index of the token closing the {@code open} token at i, or -1 when the file ends first. */
    private int closing(int i, int open, int close) {
        int d = 0;
        for (int j = i; j < seq.length; j++) {
            int t = type(j);
            if (t == open) d++;
            else if (t == close && --d == 0) return j;
        }
        return -1;
    }

    private int matchParenBack(int close, int floor) {
        int d = 0;
        for (int j = close; j >= floor; j--) {
            int t = type(j);
            if (t == RPAREN) d++;
            else if (t == LPAREN && --d == 0) return j;
        }
        return -1;
    }

    /**
     * Collects the name a typedef declares: the last identifier outside braces and parentheses
     * ({@code typedef struct {...} foo;}, {@code typedef int name(args);}), or the one that opens a
     * parenthesised declarator ({@code typedef void (*name)(args);}, {@code typedef void (name)(args);}).
     */
    private void declaration(int a, int b) {
        if (b <= a) return;
        if (type(a) != TYPEDEF) {
            prototype(a, b);
            return;
        }
        String last = null;
        int bd = 0;
        int pd = 0;
        for (int j = a + 1; j < b; j++) {
            int t = type(j);
            if (t == LBRACE) bd++;
            else if (t == RBRACE) bd--;
            else if (bd != 0) continue;
            else if (t == LPAREN) {
                if (pd == 0) {
                    int k = j + 1;
                    while (k < b && type(k) == STAR) k++;
                    // (*name) always declares; (name) only after a type, not after a name: typedef int f(arg_t);
                    boolean star = k > j + 1;
                    if (k + 1 < b && type(k) == IDENT && type(k + 1) == RPAREN && (star || type(j - 1) != IDENT)) {
                        typedefs.add(text(k));
                        return;
                    }
                }
                pd++;
            } else if (t == RPAREN) pd--;
            else if (pd == 0 && t == IDENT) last = text(j);
        }
        if (last != null) typedefs.add(last);
    }

    /**
     * Keeps [a, b) when it declares a function: a header as for a definition, written without a defining
     * macro ({@code EXPORT_SYMBOL(foo);} and {@code module_init(foo);} are macro calls, not declarations).
     */
    private void prototype(int a, int b) {
        if (type(b - 1) != RPAREN && type(b - 1) != IDENT) return; // a cheap test first: most declarations are variables
        FunctionHeader h = header(a, b);
        if (h != null && h.definedBy() == null) prototypes.add(h);
    }

    /** The header of a function whose body opens at {@code brace}, or null when [a, brace) is no function header. */
    FunctionHeader header(int a, int brace) {
        int last = stripTrailingAnnotations(a, brace - 1);
        if (last - a < 2 || type(last) != RPAREN || type(a) == TYPEDEF) return null;
        int depth = 0;
        for (int j = a; j < last; j++) {
            int t = type(j);
            if (t == LPAREN) depth++;
            else if (t == RPAREN) depth--;
            else if (t == ASSIGN && depth == 0) return null; // an initializer, not a function
        }
        int open = matchParenBack(last, a);
        if (open <= a) return null;
        int nameTok = open - 1;
        int paramsOpen = open;
        int paramsClose = last;
        if (type(nameTok) == RPAREN) {
            // int (*name(params))(fnargs): the name and parameters are inside the first group
            int inner = matchParenBack(nameTok, a);
            if (inner < a) return null;
            int found = -1;
            for (int j = inner + 1; j < nameTok; j++) {
                if (type(j) == IDENT && type(j + 1) == LPAREN) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                // MACRO(args)(params) { ... }: a function whose name a macro makes (UVERBS_HANDLER(X), FNAME(x))
                if (inner - 1 >= a && type(inner - 1) == IDENT) {
                    return named(a, inner - 1, join(inner - 1, nameTok + 1), params(open + 1, last));
                }
                return null;
            }
            nameTok = found;
            paramsOpen = found + 1;
            paramsClose = closing(paramsOpen, LPAREN, RPAREN);
            if (paramsClose < 0) return null;
            // int (*name(params))(args): the return type is the declarator around the name and parameters
            FunctionHeader h = named(a, nameTok, text(nameTok), params(paramsOpen + 1, paramsClose));
            String ret = (h.returnType() + " " + join(paramsClose + 1, last + 1)).strip();
            return new FunctionHeader(h.name(), h.nameToken(), h.storage(), h.inline(), ret, h.params(), null);
        }
        if (type(nameTok) != IDENT) return null;
        String name = text(nameTok);
        if (nameTok == a) return definer(name, a, paramsOpen, paramsClose);
        return named(a, nameTok, name, params(paramsOpen + 1, paramsClose));
    }

    /** Drops what follows a parameter list before the body: NO_THREAD_SAFETY_ANALYSIS, __must_hold(x), ... */
    private int stripTrailingAnnotations(int a, int last) {
        while (last - a >= 3) {
            int t = type(last);
            if (t == IDENT && looksLikeAnnotation(text(last)) && (type(last - 1) == RPAREN || type(last - 1) == IDENT)) {
                last--;
                continue;
            }
            if (t == RPAREN) {
                int open = matchParenBack(last, a);
                if (open - 2 > a && type(open - 1) == IDENT && looksLikeAnnotation(text(open - 1))
                        && type(open - 2) == RPAREN) {
                    last = open - 2;
                    continue;
                }
            }
            break;
        }
        return last;
    }

    /** Upper-case macro style (EXCLUSIVE_LOCKS_REQUIRED) or a reserved __name. */
    private static boolean looksLikeAnnotation(String name) {
        if (name.startsWith("__")) return true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '_')) return false;
        }
        return true;
    }

    private FunctionHeader named(int a, int nameTok, String name, List<Parameter> params) {
        Function.Storage storage = Function.Storage.NONE;
        boolean inline = false;
        StringBuilder ret = new StringBuilder();
        for (int j = a; j < nameTok; j++) {
            int t = type(j);
            if (t == STATIC) storage = Function.Storage.STATIC;
            else if (t == EXTERN) storage = Function.Storage.EXTERN;
            else if (t == INLINE) inline = true;
            else {
                if (ret.length() > 0) ret.append(' ');
                ret.append(text(j));
            }
        }
        return new FunctionHeader(name, seq[nameTok], storage, inline, ret.toString(), params, null);
    }

    /** A function written through a defining macro: SYSCALL_DEFINE3(open, const char __user *, filename, ...). */
    private FunctionHeader definer(String macro, int a, int open, int close) {
        List<int[]> args = split(open + 1, close);
        for (IdiomTable.Definer d : idioms.definers()) {
            Matcher m = d.macro().matcher(macro);
            if (!m.matches() || d.nameArg() >= args.size()) continue;
            int[] na = args.get(d.nameArg());
            if (na[1] - na[0] != 1 || type(na[0]) != IDENT) continue;
            List<Parameter> params = new ArrayList<>();
            if (d.pairedParams()) {
                for (int k = d.nameArg() + 1; k + 1 < args.size(); k += 2) {
                    params.add(new Parameter(params.size(), join(args.get(k)[0], args.get(k)[1]),
                            join(args.get(k + 1)[0], args.get(k + 1)[1])));
                }
            }
            return new FunctionHeader(d.prefix() + text(na[0]), seq[na[0]], Function.Storage.NONE, false, "long",
                    params, macro);
        }
        // An unknown macro with a body: still a function (its parameters are the macro's arguments).
        return new FunctionHeader(macro, seq[a], Function.Storage.NONE, false, "", params(open + 1, close), macro);
    }

    /** Splits [a, b) on commas outside parentheses and brackets; each element is {from, to}. */
    private List<int[]> split(int a, int b) {
        List<int[]> out = new ArrayList<>();
        int d = 0;
        int s = a;
        for (int j = a; j < b; j++) {
            int t = type(j);
            if (t == LPAREN || t == LBRACK || t == LBRACE) d++;
            else if (t == RPAREN || t == RBRACK || t == RBRACE) d--;
            else if (t == COMMA && d == 0) {
                out.add(new int[] {s, j});
                s = j + 1;
            }
        }
        if (b > s || !out.isEmpty()) out.add(new int[] {s, b});
        return out;
    }

    private String join(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int j = a; j < b; j++) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(text(j));
        }
        return sb.toString();
    }

    private List<Parameter> params(int a, int b) {
        List<Parameter> out = new ArrayList<>();
        List<int[]> parts = split(a, b);
        if (parts.size() == 1 && parts.get(0)[1] - parts.get(0)[0] == 1 && type(parts.get(0)[0]) == VOID) return out;
        for (int[] p : parts) {
            int s = p[0];
            int e = p[1];
            if (e <= s) continue;
            int nameAt = -1;
            // function pointer: ... (*name)(...)
            for (int j = s; j + 2 < e; j++) {
                if (type(j) == LPAREN && type(j + 1) == STAR && type(j + 2) == IDENT) {
                    nameAt = j + 2;
                    break;
                }
            }
            if (nameAt < 0) {
                int d = 0;
                for (int j = s; j < e; j++) {
                    int t = type(j);
                    if (t == LPAREN || t == LBRACK) d++;
                    else if (t == RPAREN || t == RBRACK) d--;
                    else if (d == 0 && t == IDENT && j > s) {
                        int pt = type(j - 1);
                        if (pt != STRUCT && pt != UNION && pt != ENUM) nameAt = j;
                    }
                }
            }
            StringBuilder ty = new StringBuilder();
            for (int j = s; j < e; j++) {
                if (j == nameAt) continue;
                if (ty.length() > 0) ty.append(' ');
                ty.append(text(j));
            }
            out.add(new Parameter(out.size(), ty.toString(), nameAt < 0 ? "" : text(nameAt)));
        }
        return out;
    }
}
