package io.mtaprov.protocol.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.mtaprov.protocol.DecodeException;

/**
 * Tokenizer for the {@code docsis} tool's config text syntax: words (keywords, OIDs with quoted
 * index parts, numbers, hex), double-quoted strings, {@code { } ;} and comments ({@code /* *\/},
 * {@code //}, {@code #}), each with its line number. Not thread-safe (one per parse).
 */
final class TextLexer {
    enum Kind { WORD, STRING, LBRACE, RBRACE, SEMI, COMMENT, EOF }

    record Token(Kind kind, String text, byte[] bytes, int line) {
    }

    private final String s;
    private int pos;
    private int line = 1;

    TextLexer(String text) {
        this.s = text;
    }

    Token next() throws DecodeException {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else {
                break;
            }
        }
        if (pos >= s.length()) {
            return new Token(Kind.EOF, "", null, line);
        }
        int startLine = line;
        char c = s.charAt(pos);
        switch (c) {
            case '{': pos++; return new Token(Kind.LBRACE, "{", null, startLine);
            case '}': pos++; return new Token(Kind.RBRACE, "}", null, startLine);
            case ';': pos++; return new Token(Kind.SEMI, ";", null, startLine);
            case '"': return string(startLine);
            default: break;
        }
        if (startsComment(pos)) {
            return comment(startLine);
        }
        int start = pos;
        while (pos < s.length()) {
            char d = s.charAt(pos);
            if (d <= ' ' || d == ';' || d == '{' || d == '}' || startsComment(pos)) {
                break;
            }
            if ((d == '\'' || d == '"') && pos > start) {
                int close = pos + 1;
                while (close < s.length() && s.charAt(close) != d && s.charAt(close) != '\n') {
                    close++;
                }
                if (close >= s.length() || s.charAt(close) != d) {
                    throw new DecodeException(line, "unterminated quoted index");
                }
                pos = close + 1;
            } else if (d == '"') {
                break;
            } else {
                pos++;
            }
        }
        return new Token(Kind.WORD, s.substring(start, pos), null, startLine);
    }

    private boolean startsComment(int p) {
        char c = s.charAt(p);
        return c == '#' || (c == '/' && p + 1 < s.length() && (s.charAt(p + 1) == '*' || s.charAt(p + 1) == '/'));
    }

    private Token comment(int startLine) throws DecodeException {
        int start = pos;
        if (s.startsWith("/*", pos)) {
            int end = s.indexOf("*/", pos + 2);
            if (end < 0) {
                throw new DecodeException(startLine, "unterminated /* comment");
            }
            for (int i = pos; i < end; i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
            pos = end + 2;
        } else {
            int end = s.indexOf('\n', pos);
            pos = end < 0 ? s.length() : end;
        }
        return new Token(Kind.COMMENT, s.substring(start, pos).stripTrailing(), null, startLine);
    }

    private Token string(int startLine) throws DecodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int open = pos;
        int p = pos + 1;
        int chunk = p;
        while (true) {
            if (p >= s.length() || s.charAt(p) == '\n') {
                throw new DecodeException(startLine, "unterminated string");
            }
            char c = s.charAt(p);
            if (c == '"') {
                out.writeBytes(s.substring(chunk, p).getBytes(StandardCharsets.UTF_8));
                pos = p + 1;
                return new Token(Kind.STRING, s.substring(open, pos), out.toByteArray(), startLine);
            }
            if (c == '\\') {
                out.writeBytes(s.substring(chunk, p).getBytes(StandardCharsets.UTF_8));
                if (p + 1 >= s.length()) {
                    throw new DecodeException(startLine, "unterminated string");
                }
                char e = s.charAt(p + 1);
                p += 2;
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case '\\', '"' -> out.write(e);
                    case 'x' -> {
                        int hi = p + 1 < s.length() ? Character.digit(s.charAt(p), 16) : -1;
                        int lo = hi >= 0 ? Character.digit(s.charAt(p + 1), 16) : -1;
                        if (lo < 0) {
                            throw new DecodeException(startLine, "bad \\x escape in string");
                        }
                        out.write(hi * 16 + lo);
                        p += 2;
                    }
                    default -> throw new DecodeException(startLine, "unknown escape \\" + e + " in string");
                }
                chunk = p;
            } else {
                p++;
            }
        }
    }
}
