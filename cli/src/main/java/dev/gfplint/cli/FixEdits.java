package dev.gfplint.cli;

import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Fix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a finding's {@link Fix} into edits of its file's text. The rule says which argument of the call at the
 * finding's column and which operand of that argument's top-level {@code |} chain; this class finds them in the
 * text (skipping nested brackets, strings, character constants and comments) and offers the fix only when the
 * text is as simple as the change needs: the call at the column, the argument a plain {@code |} chain (no
 * {@code ?:}, {@code ||}, {@code &&}, assignment), the operand spelt once and alone. Anything else gets no fix:
 * a fix that might change what the code means is worse than none.
 *
 * <p>The text is read as the scanner reads it (UTF-8, else ISO-8859-1), so columns agree and writing it back
 * gives the same bytes outside the edits. Every search is bounded ({@link #MAX_CALL} characters from the call).
 */
final class FixEdits {
    /** How far past the call's name an argument list may run before the fix is given up. */
    static final int MAX_CALL = 16_384;

    /** One replacement: characters [start, end) of the file's text become {@code text}. */
    record Edit(int start, int end, String text) {}

    /** A finding's fix in its file: the description and the edits, ordered and not overlapping. */
    record Resolved(Finding finding, String description, Source source, List<Edit> edits) {
        /**
         * The change as the hunks of a unified diff with one line of context ({@code @@} headers, then lines
         * starting with ' ', '-' or '+'), for the suggested diff under a finding.
         */
        List<String> hunks() {
            int from = Math.max(1, firstLine() - 1), to = Math.min(source.lines(), lastLine() + 1);
            List<String> before = source.lines(from, to);
            String after = apply(source.text, edits);
            int delta = 0;
            for (Edit e : edits) delta += e.text.length() - (e.end - e.start);
            List<String> now = Source.splitLines(after.substring(source.lineStart(from), source.lineEnd(to) + delta));
            List<String> out = com.github.difflib.UnifiedDiffUtils.generateUnifiedDiff("a", "b", before,
                    com.github.difflib.DiffUtils.diff(before, now), 1);
            List<String> hunks = new ArrayList<>();
            for (String l : out.subList(Math.min(2, out.size()), out.size())) {
                if (l.startsWith("@@")) { // the hunk's lines are the file's, not the excerpt's
                    java.util.regex.Matcher m = HUNK.matcher(l);
                    if (m.matches()) {
                        l = "@@ -" + (Integer.parseInt(m.group(1)) + from - 1) + m.group(2) + " +"
                                + (Integer.parseInt(m.group(3)) + from - 1) + m.group(4) + " @@";
                    }
                }
                hunks.add(l);
            }
            return hunks;
        }

        int firstLine() {
            return source.lineOf(edits.get(0).start);
        }

        int lastLine() {
            Edit e = edits.get(edits.size() - 1);
            return source.lineOf(Math.max(e.start, e.end - 1));
        }
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)((?:,\\d+)?) \\+(\\d+)((?:,\\d+)?) @@.*");

    /** A file as the scanner read it: its text, how to write it back, where its lines start. */
    static final class Source {
        final String path;
        final String text;
        final Charset charset;
        /** The bytes the text was read from. */
        final byte[] bytes;
        private final int[] lineStarts;

        Source(String path, byte[] bytes, String text, Charset charset) {
            this.path = path;
            this.bytes = bytes;
            this.text = text;
            this.charset = charset;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        static Source read(String path) throws IOException {
            byte[] bytes = dev.gfplint.core.scan.DataFiles.readBytes(Path.of(path), 64L << 20);
            try {
                String t = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return new Source(path, bytes, t, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                return new Source(path, bytes, new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
            }
        }

        /** The text in the file's own encoding: outside the edits, the bytes it was read from. */
        byte[] encode(String t) throws CharacterCodingException {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(t));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        }

        int lines() {
            return lineStarts.length;
        }

        /** The offset of 1-based {@code line}'s first character. */
        int lineStart(int line) {
            return lineStarts[line - 1];
        }

        /** The offset of 1-based {@code line}'s end: its '\r' in a CRLF line, else its '\n', else the end of the text. */
        int lineEnd(int line) {
            int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
            return end > lineStarts[line - 1] && text.charAt(end - 1) == '\r' && end < text.length() && text.charAt(end) == '\n'
                    ? end - 1 : end;
        }

        /** The 1-based line of an offset. */
        int lineOf(int offset) {
            int i = java.util.Arrays.binarySearch(lineStarts, offset);
            return i >= 0 ? i + 1 : -i - 1;
        }

        /** The 1-based column of an offset. */
        int colOf(int offset) {
            return offset - lineStarts[lineOf(offset) - 1] + 1;
        }

        List<String> lines(int from, int to) {
            List<String> out = new ArrayList<>();
            for (int l = from; l <= to; l++) out.add(text.substring(lineStart(l), lineEnd(l)));
            return out;
        }

        static List<String> splitLines(String s) {
            List<String> out = new ArrayList<>();
            for (String l : s.split("\n", -1)) out.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            return out;
        }

        /** "\r\n" when line {@code line} ends so, else "\n". */
        String newlineOf(int line) {
            int end = lineEnd(line);
            return end + 1 < text.length() && text.charAt(end) == '\r' ? "\r\n" : "\n";
        }
    }

    private final Map<String, Source> files = new HashMap<>();

    /** The file a finding is in, read once; null when it cannot be read. */
    synchronized Source source(String path) {
        return files.computeIfAbsent(path, p -> {
            try {
                return Source.read(p);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    /** The finding's fix as edits of its file, or null: no fix, or the text is not as simple as the fix needs. */
    Resolved resolve(Finding f) {
        if (f.fix() == null) return null;
        Source src = source(f.file());
        if (src == null || f.line() < 1 || f.line() > src.lines() || f.col() < 1) return null;
        int at = src.lineStart(f.line()) + f.col() - 1;
        if (at >= src.lineEnd(f.line())) return null;
        List<Edit> edits = edits(src, at, f.fix());
        return edits == null || edits.isEmpty() ? null : new Resolved(f, f.fix().description(), src, edits);
    }

    private static List<Edit> edits(Source src, int at, Fix fix) {
        String t = src.text;
        Call call = Call.at(t, at);
        if (call == null || fix.arg() < 0 || fix.arg() >= call.args.size()) return null;
        int[] arg = call.args.get(fix.arg());
        List<int[]> ops = operands(t, arg[0], arg[1]);
        if (ops == null) return null;
        int k = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (t.substring(ops.get(i)[0], ops.get(i)[1]).equals(fix.operand())) {
                if (k >= 0) return null; // spelt twice: which one is meant is not clear
                k = i;
            }
        }
        if (k < 0) return null;
        int[] op = ops.get(k);
        if (fix instanceof Fix.DropOperand) {
            if (ops.size() < 2) return null; // nothing would be left
            return List.of(k > 0 ? new Edit(ops.get(k - 1)[1], op[1], "") : new Edit(op[0], ops.get(1)[0], ""));
        }
        if (fix instanceof Fix.ReplaceOperand r) return List.of(new Edit(op[0], op[1], r.with()));
        if (fix instanceof Fix.Scope s) return scope(src, call, op, s);
        return null;
    }

    private static final Pattern LVALUE = Pattern.compile("\\*?[A-Za-z_]\\w*((\\.|->)[A-Za-z_]\\w*|\\[\\w*\\])*");

    /**
     * The kernel's idiom around the statement holding the call: the variable declared at the top of the
     * function's body, {@code VAR = SAVE();} before the statement, {@code RESTORE(VAR);} after it, the operand
     * replaced. Only for a statement that starts its line, is the call alone or a simple lvalue assigned it, ends
     * its line with {@code ;} (a trailing comment may follow), and stands where three statements may stand for
     * one: after {@code ;}, a brace or a label, not as the body of an unbraced {@code if}, {@code else} or loop
     * (that would take braces the kernel's style puts elsewhere). The declaration comes first in the body, with
     * the blank line the kernel's style wants after declarations where the body starts with none.
     */
    private static List<Edit> scope(Source src, Call call, int[] op, Fix.Scope s) {
        String t = src.text;
        int start = call.name;
        int b = skipSpaceBack(t, start);
        if (b > 0 && t.charAt(b - 1) == '=' && (b < 2 || "=!<>+-*/%&|^".indexOf(t.charAt(b - 2)) < 0)) {
            int e = skipSpaceBack(t, b - 1), l = e;
            while (l > 0 && l > e - 256 && (Character.isLetterOrDigit(t.charAt(l - 1)) || "_.[]->*".indexOf(t.charAt(l - 1)) >= 0)) l--;
            if (l == e || !LVALUE.matcher(t.substring(l, e)).matches()) return null;
            start = l;
        }
        int line = src.lineOf(start);
        int lineStart = src.lineStart(line);
        String indent = t.substring(lineStart, start);
        if (!indent.isBlank()) return null; // the statement does not start its line
        if (!startsStatement(src, lineStart)) return null;
        int semi = skipSpace(t, call.close + 1);
        if (semi >= t.length() || t.charAt(semi) != ';') return null;
        int endLine = src.lineOf(semi);
        String rest = t.substring(semi + 1, src.lineEnd(endLine)).strip();
        if (!rest.isEmpty() && !rest.startsWith("//") && !(rest.startsWith("/*") && rest.indexOf("*/") == rest.length() - 2)) {
            return null;
        }
        int body = bodyOpen(t, lineStart);
        if (body < 0) return null;
        String var = fresh(t, s.variable());
        if (var == null) return null;
        String nl = src.newlineOf(endLine);
        // the declaration: first in the body, indented as the body's first line is
        int bodyLine = src.lineOf(body) + 1;
        if (bodyLine > line) return null;
        int firstLine = bodyLine;
        while (firstLine < line && src.lines(firstLine, firstLine).get(0).isBlank()) firstLine++;
        String first = src.lines(firstLine, firstLine).get(0);
        String bodyIndent = first.substring(0, first.length() - first.stripLeading().length());
        if (bodyIndent.isEmpty()) return null;
        String decl = bodyIndent + "unsigned int " + var + ";" + nl + (DECLARATION.matcher(first).lookingAt() ? "" : nl);
        String stmt = t.substring(lineStart, op[0]) + s.with() + t.substring(op[1], src.lineEnd(endLine));
        String around = indent + var + " = " + s.save() + "();" + nl
                + stmt + nl
                + indent + s.restore() + "(" + var + ");";
        // one edit where the declaration goes just before the statement: two that touch would leave their order
        // to the reader (SARIF says nothing of edits at one place)
        if (src.lineStart(bodyLine) == lineStart) return List.of(new Edit(lineStart, src.lineEnd(endLine), decl + around));
        return List.of(new Edit(src.lineStart(bodyLine), src.lineStart(bodyLine), decl),
                new Edit(lineStart, src.lineEnd(endLine), around));
    }

    /** A line that starts with a declaration: type words, then a name, then {@code = ; [ ,} (no keyword of a statement first). */
    private static final Pattern DECLARATION = Pattern.compile("\\s*(?!(return|goto|if|else|while|for|do|switch|case|break|continue)\\b)"
            + "((const|static|volatile|struct|union|enum|unsigned|signed|long|short)\\s+)*[A-Za-z_]\\w*(\\s+|\\s*\\*+\\s*)"
            + "[A-Za-z_]\\w*\\s*(=|;|\\[|,)");

    /**
     * The '{' that opens the body of the function holding {@code at}: the last brace the text opens at the top level
     * before it (strings, character constants and comments skipped), when a parameter list's ')' comes just
     * before it; -1 otherwise (unbalanced braces, as #if branches may leave, or no function).
     */
    private static int bodyOpen(String t, int at) {
        int depth = 0, open = -1;
        for (int i = 0; i < at; i++) {
            int skip = skipLexeme(t, i, at);
            if (skip < 0) return -1;
            if (skip > i) {
                i = skip - 1;
                continue;
            }
            char c = t.charAt(i);
            if (c == '{') {
                if (depth == 0) open = i;
                depth++;
            } else if (c == '}') {
                if (--depth < 0) return -1;
            }
        }
        if (depth < 1 || open < 0) return -1;
        int p = skipSpaceBack(t, open);
        return p > 0 && t.charAt(p - 1) == ')' ? open : -1;
    }

    /** A line that is a label ({@code out:}, {@code case X:}, {@code default:}) and nothing else. */
    private static final Pattern LABEL = Pattern.compile("\\s*(case\\b.*|default|[A-Za-z_]\\w*)\\s*:\\s*");

    /**
     * Whether the line at {@code lineStart} may hold three statements in place of one: looking back over white
     * space, comments and preprocessor lines, the previous token is {@code ;}, a brace, or the colon of a label line.
     */
    private static boolean startsStatement(Source src, int lineStart) {
        String t = src.text;
        int p = lineStart;
        for (int guard = 0; guard < 64; guard++) {
            p = skipSpaceBack(t, p);
            if (p == 0) return false; // the top of the file: no function body
            int prev = src.lineOf(p - 1);
            String l = t.substring(src.lineStart(prev), src.lineEnd(prev));
            if (l.stripLeading().startsWith("#")) { // a directive: what matters is before it
                p = src.lineStart(prev);
                continue;
            }
            if (t.startsWith("*/", p - 2)) {
                int open = t.lastIndexOf("/*", p - 2);
                if (open < 0) return false;
                p = open;
                continue;
            }
            char c = t.charAt(p - 1);
            if (c == ';' || c == '{' || c == '}') return true;
            return c == ':' && LABEL.matcher(l).matches();
        }
        return false;
    }

    /** {@code base}, else base2 ... base9: the first that is no word of the text (so it shadows nothing); null if all are. */
    private static String fresh(String t, String base) {
        for (int i = 1; i <= 9; i++) {
            String v = i == 1 ? base : base + i;
            if (!containsWord(t, v)) return v;
        }
        return null;
    }

    static boolean containsWord(String t, String w) {
        for (int i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
            boolean left = i == 0 || !isWord(t.charAt(i - 1));
            boolean right = i + w.length() >= t.length() || !isWord(t.charAt(i + w.length()));
            if (left && right) return true;
        }
        return false;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int skipSpace(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) i++;
        return i;
    }

    private static int skipSpaceBack(String t, int i) {
        while (i > 0 && Character.isWhitespace(t.charAt(i - 1))) i--;
        return i;
    }

    /** A call in the text: where its name starts, its '(' and ')', and each argument's [start, end). */
    private record Call(int name, int open, int close, List<int[]> args) {
        static Call at(String t, int at) {
            if (at >= t.length() || !(Character.isLetter(t.charAt(at)) || t.charAt(at) == '_')) return null;
            if (at > 0 && isWord(t.charAt(at - 1))) return null;
            int i = at;
            while (i < t.length() && isWord(t.charAt(i))) i++;
            i = skipSpace(t, i);
            if (i >= t.length() || t.charAt(i) != '(') return null;
            int open = i, depth = 0, argStart = open + 1, limit = Math.min(t.length(), at + MAX_CALL);
            List<int[]> args = new ArrayList<>();
            for (i = open + 1; i < limit; i++) {
                char c = t.charAt(i);
                int skip = skipLexeme(t, i, limit);
                if (skip < 0) return null;
                if (skip > i) {
                    i = skip - 1;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') depth++;
                else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
                else if (c == ',' && depth == 0) {
                    args.add(new int[] {argStart, i});
                    argStart = i + 1;
                } else if (c == ')') {
                    if (argStart < i || !args.isEmpty()) args.add(new int[] {argStart, i});
                    return new Call(at, open, i, args);
                } else if (c == ']' || c == '}') return null;
            }
            return null;
        }
    }

    /**
     * Past a string, character constant or comment starting at {@code i}: its end; {@code i} when none starts there;
     * -1 when it does not end before {@code limit}.
     */
    private static int skipLexeme(String t, int i, int limit) {
        char c = t.charAt(i);
        if (c == '"' || c == '\'') {
            for (int j = i + 1; j < limit; j++) {
                char d = t.charAt(j);
                if (d == '\\') j++;
                else if (d == c) return j + 1;
                else if (d == '\n') return -1;
            }
            return -1;
        }
        if (c == '/' && i + 1 < limit && t.charAt(i + 1) == '*') {
            int e = t.indexOf("*/", i + 2);
            return e < 0 || e + 2 > limit ? -1 : e + 2;
        }
        if (c == '/' && i + 1 < limit && t.charAt(i + 1) == '/') {
            int e = t.indexOf('\n', i);
            return e < 0 || e > limit ? -1 : e;
        }
        return i;
    }

    /**
     * The operands of the top-level {@code |} chain in [from, to), each trimmed of white space; null when the
     * argument holds at top level anything that binds more loosely than {@code |} ({@code ?:}, {@code ||},
     * {@code &&}, an assignment, a comma) or a comment, so that splitting it at {@code |} would not give its operands.
     */
    private static List<int[]> operands(String t, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0, start = from;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            int skip = skipLexeme(t, i, to);
            if (skip < 0) return null;
            if (skip > i) {
                if (depth == 0 && c == '/') return null;
                i = skip - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0) {
                char next = i + 1 < to ? t.charAt(i + 1) : 0;
                char prev = i > from ? t.charAt(i - 1) : 0;
                if (c == '?' || c == ',' || c == '&' && next == '&') return null;
                if (c == '=' && next != '=' && "=!<>".indexOf(prev) < 0) return null;
                if (c == '|') {
                    if (next == '|' || next == '=') return null;
                    out.add(trim(t, start, i));
                    start = i + 1;
                }
            }
        }
        out.add(trim(t, start, to));
        for (int[] o : out) if (o[0] >= o[1]) return null;
        return out;
    }

    private static int[] trim(String t, int s, int e) {
        while (s < e && Character.isWhitespace(t.charAt(s))) s++;
        while (e > s && Character.isWhitespace(t.charAt(e - 1))) e--;
        return new int[] {s, e};
    }

    /** {@code text} with the edits made (ordered by start, not overlapping). */
    static String apply(String text, List<Edit> edits) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Edit e : edits) {
            sb.append(text, at, e.start).append(e.text);
            at = e.end;
        }
        return sb.append(text, at, text.length()).toString();
    }

    /**
     * The fixes of one file that can be made together, in the findings' order: a fix with an edit that overlaps an
     * edit of one taken before (or inserts at the same place: two scopes in one function would declare one variable
     * twice) is left out; it is still reported, and the next --fix run makes it if it still applies. A fix whose
     * edits equal one taken (two findings, one change) is taken with it and changes nothing more.
     */
    static List<Resolved> compatible(List<Resolved> fixes) {
        List<Resolved> out = new ArrayList<>();
        List<Edit> taken = new ArrayList<>();
        List<List<Edit>> seen = new ArrayList<>();
        for (Resolved r : fixes) {
            if (seen.contains(r.edits())) continue;
            boolean clash = false;
            for (Edit e : r.edits()) {
                for (Edit o : taken) {
                    if (Math.max(e.start, o.start) < Math.min(e.end, o.end) || e.start == o.start && (e.start == e.end || o.start == o.end)) {
                        clash = true;
                    }
                }
            }
            if (clash) continue;
            out.add(r);
            seen.add(r.edits());
            taken.addAll(r.edits());
        }
        return out;
    }

    /** The edits of the fixes, in the order of the text (they do not overlap: see {@link #compatible}). */
    static List<Edit> inOrder(List<Resolved> fixes) {
        List<Edit> all = new ArrayList<>();
        for (Resolved r : fixes) all.addAll(r.edits());
        all.sort(java.util.Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        return all;
    }
}
