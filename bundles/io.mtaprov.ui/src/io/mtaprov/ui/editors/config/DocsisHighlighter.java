package io.mtaprov.ui.editors.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.LineStyleEvent;
import org.eclipse.swt.custom.LineStyleListener;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;

/**
 * Syntax colouring of the {@code docsis} text form for a {@link StyledText}: statement keywords,
 * value types, strings, comments ({@code /* *&#47;} across lines, {@code //}, {@code #}) and numbers
 * (decimal, {@code 0x} hex, dotted addresses and numeric OIDs). Which lines start inside a block
 * comment is recomputed lazily after each change. UI thread only.
 */
final class DocsisHighlighter implements LineStyleListener {
    static final Set<String> KEYWORDS = Set.of("Main", "MtaConfigDelimiter", "SnmpMibObject", "SnmpMibObjectLong",
            "GenericTLV", "TlvCode", "TlvLength", "TlvValue", "SnmpV3TrapReceiver", "VendorSpecific", "VendorIdentifier");
    static final Set<String> TYPES = Set.of("Integer", "Unsigned32", "Gauge32", "Counter32", "Counter64", "TimeTicks",
            "IPAddress", "ObjectID", "String", "HexString");
    private static final Color KEYWORD = new Color(127, 0, 85);
    private static final Color TYPE = new Color(0, 80, 180);
    private static final Color STRING = new Color(42, 128, 42);
    private static final Color COMMENT = new Color(120, 120, 120);
    private static final Color NUMBER = new Color(170, 90, 0);

    private final StyledText text;
    private boolean[] startsInComment;

    DocsisHighlighter(StyledText text) {
        this.text = text;
        text.addLineStyleListener(this);
        text.addModifyListener(e -> {
            startsInComment = null;
            text.redraw(); // a comment opened or closed may restyle the lines below
        });
    }

    @Override
    public void lineGetStyle(LineStyleEvent event) {
        if (startsInComment == null) {
            startsInComment = computeStates(text.getText());
        }
        int line = text.getLineAtOffset(event.lineOffset);
        boolean inComment = line < startsInComment.length && startsInComment[line];
        List<StyleRange> styles = new ArrayList<>();
        scan(event.lineText, inComment, styles, event.lineOffset);
        event.styles = styles.toArray(StyleRange[]::new);
    }

    private static boolean[] computeStates(String all) {
        String[] lines = all.split("\r\n|\r|\n", -1);
        boolean[] states = new boolean[lines.length];
        boolean in = false;
        for (int i = 0; i < lines.length; i++) {
            states[i] = in;
            in = scan(lines[i], in, null, 0);
        }
        return states;
    }

    /** Styles one line into {@code out} (if not null); returns whether the line ends inside a block comment. */
    static boolean scan(String line, boolean inComment, List<StyleRange> out, int base) {
        int i = 0;
        int n = line.length();
        if (inComment) {
            int close = line.indexOf("*/");
            int end = close < 0 ? n : close + 2;
            add(out, base, 0, end, COMMENT, SWT.ITALIC);
            if (close < 0) {
                return true;
            }
            i = end;
        }
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#' || line.startsWith("//", i)) {
                add(out, base, i, n, COMMENT, SWT.ITALIC);
                return false;
            }
            if (line.startsWith("/*", i)) {
                int close = line.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                add(out, base, i, end, COMMENT, SWT.ITALIC);
                if (close < 0) {
                    return true;
                }
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && line.charAt(j) != '"') {
                    j += line.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                add(out, base, i, end, STRING, SWT.NORMAL);
                i = end;
            } else if (c <= ' ' || c == ';' || c == '{' || c == '}') {
                i++;
            } else {
                int j = word(line, i);
                String w = line.substring(i, j);
                if (KEYWORDS.contains(w) || w.startsWith("SnmpV3TrapRx")) {
                    add(out, base, i, j, KEYWORD, SWT.BOLD);
                } else if (TYPES.contains(w)) {
                    add(out, base, i, j, TYPE, SWT.BOLD);
                } else if (w.matches("-?\\d+|0[xX][0-9a-fA-F]*|\\.?\\d+(\\.\\d+)+")) {
                    add(out, base, i, j, NUMBER, SWT.NORMAL);
                }
                i = j;
            }
        }
        return false;
    }

    /** End of the word at {@code i}: up to white space or punctuation; quoted index parts kept whole. */
    private static int word(String line, int i) {
        int j = i;
        while (j < line.length()) {
            char d = line.charAt(j);
            if (d <= ' ' || d == ';' || d == '{' || d == '}' || (d == '"' && j == i) || line.startsWith("/*", j)) {
                break;
            }
            if ((d == '\'' || d == '"') && j > i) {
                int close = line.indexOf(d, j + 1);
                j = close < 0 ? line.length() : close + 1;
            } else {
                j++;
            }
        }
        return Math.max(j, i + 1);
    }

    private static void add(List<StyleRange> out, int base, int from, int to, Color color, int fontStyle) {
        if (out != null && to > from) {
            out.add(new StyleRange(base + from, to - from, color, null, fontStyle));
        }
    }
}
