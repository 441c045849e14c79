package dev.gfplint.core.idiom;

import static dev.gfplint.grammar.KernelC.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the front end knows about kernel idioms: C keywords and their GNU spellings (code: they are the
 * language), and the macro tables that are data (annotations, typedef names, iterator and guard macros,
 * function-defining macros), read from {@code idioms.conf} and from user files in the same format.
 */
public final class IdiomTable {
    /** Value flags stored in the name table beside the token type (F_ names: not to shadow token types). */
    private static final int F_ANNOTATION = 1 << 20;
    private static final int F_ANNOTATION_ARGS = 1 << 21;
    private static final int F_TYPEDEF = 1 << 22;
    private static final int F_ITERATOR = 1 << 23;
    private static final int F_GUARD = 1 << 24;
    private static final int TYPE_MASK = (1 << 20) - 1;

    private final NameTable names = new NameTable();
    private final List<Pattern> iteratorPatterns = new ArrayList<>();
    private Pattern iteratorUnion;
    private final List<Definer> definers = new ArrayList<>();

    /** A function-defining macro such as SYSCALL_DEFINE3(name, type, arg, ...) { ... }. */
    public record Definer(Pattern macro, int nameArg, String prefix, boolean pairedParams) {}

    private IdiomTable() {
        String[][] kw = {
            {"auto"}, {"break"}, {"case"}, {"char"}, {"const", "__const", "__const__"}, {"continue"}, {"default"},
            {"do"}, {"double"}, {"else"}, {"enum"}, {"extern"}, {"float"}, {"for"}, {"goto"}, {"if"},
            {"inline", "__inline", "__inline__", "__always_inline"}, {"int"}, {"long"}, {"register"},
            {"restrict", "__restrict", "__restrict__"}, {"return"}, {"short"}, {"signed", "__signed", "__signed__"},
            {"sizeof"}, {"static"}, {"struct"}, {"switch"}, {"typedef"}, {"union"}, {"unsigned"}, {"void"},
            {"volatile", "__volatile", "__volatile__"}, {"while"}, {"_Bool"}, {"_Complex", "__complex__"},
            {"__int128", "__int128_t", "__uint128_t"}, {"__auto_type"},
            {"_Alignof", "__alignof__", "__alignof", "alignof"}, {"_Alignas", "alignas"}, {"_Generic"},
            {"_Thread_local", "__thread", "thread_local"},
            {"typeof", "__typeof__", "__typeof", "typeof_unqual", "__typeof_unqual__"},
            {"asm", "__asm__", "__asm", "asm_inline"}, {"__extension__"}, {"__label__"},
        };
        int[] types = {
            AUTO, BREAK, CASE, CHAR, CONST, CONTINUE, DEFAULT, DO, DOUBLE, ELSE, ENUM, EXTERN, FLOAT, FOR, GOTO, IF,
            INLINE, INT, LONG, REGISTER, RESTRICT, RETURN, SHORT, SIGNED, SIZEOF, STATIC, STRUCT, SWITCH, TYPEDEF,
            UNION, UNSIGNED, VOID, VOLATILE, WHILE, BOOL, COMPLEX, INT128, AUTO_TYPE, ALIGNOF, ALIGNAS, GENERIC,
            THREAD_LOCAL, TYPEOF, ASM, EXTENSION, LABEL,
        };
        for (int i = 0; i < kw.length; i++) for (String k : kw[i]) names.put(k, types[i]);
    }

    /** The built-in table. */
    public static IdiomTable defaults() {
        IdiomTable t = new IdiomTable();
        try (InputStream in = IdiomTable.class.getResourceAsStream("/dev/gfplint/core/idioms.conf")) {
            if (in == null) throw new IllegalStateException("idioms.conf missing from the jar");
            t.read(new InputStreamReader(in, StandardCharsets.UTF_8), "idioms.conf");
        } catch (IOException | IdiomFormatException e) {
            throw new IllegalStateException("cannot read the built-in idioms.conf", e);
        }
        t.compile();
        return t;
    }

    /** The built-in table extended by user files. */
    public static IdiomTable withExtensions(List<Path> files) throws IOException, IdiomFormatException {
        IdiomTable t = defaults();
        for (Path f : files) {
            try (Reader r = new java.io.StringReader(dev.gfplint.core.scan.DataFiles.read(f, StandardCharsets.UTF_8))) {
                t.read(r, f.toString());
            }
        }
        t.compile();
        return t;
    }

    /** Thrown for a malformed line of an idiom file; the message names the file and line. */
    public static final class IdiomFormatException extends Exception {
        public IdiomFormatException(String msg) {
            super(msg);
        }
    }

    private void read(Reader reader, String name) throws IOException, IdiomFormatException {
        BufferedReader br = new BufferedReader(reader);
        String section = null;
        String raw;
        int lineNo = 0;
        while ((raw = br.readLine()) != null) {
            lineNo++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            if (section == null) throw new IdiomFormatException(name + ":" + lineNo + ": entry before any [section]");
            switch (section) {
                case "annotations":
                    for (String w : line.split("\\s+")) {
                        if (w.endsWith("(...)")) addFlag(w.substring(0, w.length() - 5), F_ANNOTATION | F_ANNOTATION_ARGS);
                        else addFlag(w, F_ANNOTATION);
                    }
                    break;
                case "typedefs":
                    for (String w : line.split("\\s+")) addFlag(w, F_TYPEDEF);
                    break;
                case "iterators":
                    for (String w : line.split("\\s+")) addFlag(w, F_ITERATOR);
                    break;
                case "guards":
                    for (String w : line.split("\\s+")) addFlag(w, F_GUARD);
                    break;
                case "iterator-patterns":
                    try {
                        iteratorPatterns.add(Pattern.compile(line));
                    } catch (RuntimeException e) {
                        throw new IdiomFormatException(name + ":" + lineNo + ": bad regular expression: " + line);
                    }
                    break;
                case "definers": {
                    String[] f = line.split("\\s+");
                    if (f.length != 4 || !f[1].matches("\\d+") || !(f[3].equals("pairs") || f[3].equals("none"))) {
                        throw new IdiomFormatException(name + ":" + lineNo
                                + ": a definer is MACRO-REGEX NAME-ARG PREFIX pairs|none");
                    }
                    definers.add(new Definer(Pattern.compile(f[0]), Integer.parseInt(f[1]),
                            f[2].equals("-") ? "" : f[2], f[3].equals("pairs")));
                    break;
                }
                default:
                    throw new IdiomFormatException(name + ":" + lineNo + ": unknown section [" + section + "]");
            }
        }
    }

    private void addFlag(String w, int flag) {
        int cur = names.get(w, IDENT);
        int type = cur & TYPE_MASK;
        names.put(w, (type == 0 ? IDENT : type) | (cur & ~TYPE_MASK) | flag);
    }

    private void compile() {
        StringBuilder sb = new StringBuilder();
        for (Pattern p : iteratorPatterns) {
            if (sb.length() > 0) sb.append('|');
            sb.append("(?:").append(p.pattern()).append(')');
        }
        iteratorUnion = sb.length() == 0 ? null : Pattern.compile(sb.toString());
    }

    /** Token type of the identifier-like s[a..b): a keyword type or IDENT. */
    public int keywordType(char[] s, int a, int b) {
        return names.get(s, a, b, IDENT) & TYPE_MASK;
    }

    /**
     * What the table says of the identifier-like s[a..b) in one look-up: its token type ({@link #typeOf}) and its
     * flags ({@link #flagsOf}), which the lexer keeps beside an identifier's token so that later passes need not
     * look it up again.
     */
    public int word(char[] s, int a, int b) {
        return names.get(s, a, b, IDENT);
    }

    public static int typeOf(int word) {
        return word & TYPE_MASK;
    }

    public static int flagsOf(int word) {
        return word & ~TYPE_MASK;
    }

    /** Whether the flags {@link #word} gave mark an annotation macro ({@code __init}, {@code __user}, ...), to be dropped. */
    public static boolean annotation(int flags) {
        return (flags & F_ANNOTATION) != 0;
    }

    /** Whether the flags {@link #word} gave mark an annotation that takes an argument list ({@code __acquires(x)}). */
    public static boolean annotationWithArgs(int flags) {
        return (flags & F_ANNOTATION_ARGS) != 0;
    }

    private int flags(char[] s, int a, int b) {
        return names.get(s, a, b, 0) & ~TYPE_MASK;
    }

    public boolean isTypedef(char[] s, int a, int b) {
        return (flags(s, a, b) & F_TYPEDEF) != 0;
    }

    public boolean isGuard(String name) {
        return (names.get(name, 0) & F_GUARD) != 0;
    }

    /** A NAME(args) stmt whose NAME is an iterator macro is a loop. */
    public boolean isIterator(String name) {
        if ((names.get(name, 0) & F_ITERATOR) != 0) return true;
        return iteratorUnion != null && iteratorUnion.matcher(name).matches();
    }

    public List<Definer> definers() {
        return Collections.unmodifiableList(definers);
    }
}
