package io.mtaprov.server.mps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) for customer-care answers: it reads one value and
 * flattens objects and arrays into dotted names ({"line":{"1":{"number":"555"}}} and
 * {"line":[{"number":"555"}]} both give line.1.number = 555; arrays count from 1), scalars as
 * their text, null left out. Nesting is limited to {@value #MAX_DEPTH} levels. Not thread-safe;
 * use one instance per document.
 */
final class JsonReader {
    static final int MAX_DEPTH = 16;

    private final String s;
    private int pos;

    private JsonReader(String s) {
        this.s = s;
    }

    /** @throws IllegalArgumentException with the offset of the first error */
    static Map<String, String> flatten(String json) {
        JsonReader r = new JsonReader(json);
        Map<String, String> out = new LinkedHashMap<>();
        r.value("", out, 0);
        r.ws();
        if (r.pos != json.length()) {
            throw r.error("text after the JSON value");
        }
        return out;
    }

    private void value(String name, Map<String, String> out, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        ws();
        char c = peek();
        if (c == '{') {
            pos++;
            ws();
            if (peek() == '}') {
                pos++;
                return;
            }
            do {
                ws();
                String key = string();
                ws();
                expect(':');
                value(name.isEmpty() ? key : name + "." + key, out, depth + 1);
                ws();
            } while (next(','));
            expect('}');
        } else if (c == '[') {
            pos++;
            ws();
            if (peek() == ']') {
                pos++;
                return;
            }
            int i = 1;
            do {
                value(name.isEmpty() ? Integer.toString(i) : name + "." + i, out, depth + 1);
                i++;
                ws();
            } while (next(','));
            expect(']');
        } else if (c == '"') {
            out.put(name, string());
        } else {
            int start = pos;
            while (pos < s.length() && "+-.0123456789eEtruefalsn".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String lit = s.substring(start, pos);
            if (lit.equals("null")) {
                return;
            }
            if (!lit.equals("true") && !lit.equals("false") && !lit.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                pos = start;
                throw error("unexpected value");
            }
            out.put(name, lit);
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < s.length() ? s.charAt(pos++) : '\0';
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private void ws() {
        while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private boolean next(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException("JSON offset " + pos + ": " + why);
    }
}
