package dev.gfplint.core.scan;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.BinOut;
import dev.gfplint.core.front.FrontEnd;
import java.util.ArrayList;
import java.util.List;

/**
 * A cache entry's payload for one file: what the front end reports of it (counters, notes, the not-UTF-8
 * warning, or null) and, opaque here, what the scan's {@link Scanner.Sink} stored of its IR.
 */
record CachedFile(FrontEnd.FileStats stats, List<FrontEnd.Note> notes, String latin1, byte[] payload) {
    static byte[] write(FrontEnd.FileStats s, List<FrontEnd.Note> notes, String latin1, byte[] payload) {
        BinOut o = new BinOut();
        o.var(s.functions).var(s.functionsFullyParsed).var(s.functionsGivenUp).var(s.statementsSkipped).var(s.internalErrors)
                .var(s.lines).var(s.tokens).var(s.macros).var(s.ppGroupsWrapped).var(s.ppGroupsFirstOnly).var(s.deepestStatement);
        o.uvar(notes.size());
        for (FrontEnd.Note n : notes) o.var(n.line()).str(n.message());
        o.str(latin1);
        o.bytes(payload);
        return o.toByteArray();
    }

    static CachedFile read(byte[] entry) {
        BinIn in = new BinIn(entry);
        FrontEnd.FileStats s = new FrontEnd.FileStats();
        s.functions = in.varInt();
        s.functionsFullyParsed = in.varInt();
        s.functionsGivenUp = in.varInt();
        s.statementsSkipped = in.varInt();
        s.internalErrors = in.varInt();
        s.lines = in.varInt();
        s.tokens = in.var();
        s.macros = in.varInt();
        s.ppGroupsWrapped = in.varInt();
        s.ppGroupsFirstOnly = in.varInt();
        s.deepestStatement = in.varInt();
        int n = in.count(2);
        List<FrontEnd.Note> notes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) notes.add(new FrontEnd.Note(in.varInt(), in.name()));
        String latin1 = in.str();
        byte[] payload = in.bytes();
        if (payload == null || !in.atEnd()) throw new BinIn.Corrupt("a file entry with trailing or missing bytes");
        return new CachedFile(s, notes, latin1, payload);
    }
}
