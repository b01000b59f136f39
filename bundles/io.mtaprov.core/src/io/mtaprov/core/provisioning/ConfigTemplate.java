package io.mtaprov.core.provisioning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deliberately tiny template engine for config files in the docsis text form (PROTOCOL.md "The MTA
 * configuration file"). It knows two things:
 * <ul>
 * <li>{@code ${name}} and {@code ${name:-default}}: the value of a variable, e.g.
 * {@code ${mta.mac}}, {@code ${lease.ip}}, {@code ${line.1.number}}, {@code ${get.sysDescr.0}}; an
 * unknown name without default is an error (never silently empty);</li>
 * <li>a block between lines {@code ${for line}} and {@code ${end}}, repeated for each voice line
 * with {@code ${line.index}}, {@code ${line.ifIndex}}, {@code ${line.callAgent}},
 * {@code ${line.port}} and {@code ${line.number}} bound to that line (no nesting).</li>
 * </ul>
 * Safety: values cannot change the structure of the file. Inside a "string" they are escaped
 * ({@code \" \\ \xHH}); inside comments, comment ends and line breaks are neutralised; anywhere
 * else (numbers, indexes, addresses) a value may only contain letters, digits and {@code . _ - : +}.
 * There are no expressions, includes or method calls. Stateless and thread-safe.
 */
public final class ConfigTemplate {
    static final String FOR_LINE = "${for line}";
    static final String END = "${end}";
    /** Placeholder names, and values that may stand outside strings and comments (compiled once). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._:+\\-]*");

    private enum Context { PLAIN, STRING, BLOCK_COMMENT, LINE_COMMENT }

    private ConfigTemplate() {
    }

    public static String render(String template, ConfigInputs in) throws TemplateException {
        StringBuilder out = new StringBuilder(template.length() + 256);
        String[] lines = template.split("\n", -1);
        Context ctx = Context.PLAIN;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(FOR_LINE)) {
                int end = i + 1;
                while (end < lines.length && !lines[end].strip().equals(END)) {
                    if (lines[end].strip().equals(FOR_LINE)) {
                        throw new TemplateException(end + 1, "${for line} blocks cannot be nested");
                    }
                    end++;
                }
                if (end == lines.length) {
                    throw new TemplateException(i + 1, "${for line} without ${end}");
                }
                for (VoiceLine l : in.lines()) {
                    Map<String, String> vars = new HashMap<>(in.variables());
                    vars.putAll(l.variables("line."));
                    for (int j = i + 1; j < end; j++) {
                        ctx = renderLine(lines[j], j + 1, vars, ctx, out);
                    }
                }
                i = end;
                continue;
            }
            if (lines[i].strip().equals(END)) {
                throw new TemplateException(i + 1, "${end} without ${for line}");
            }
            ctx = renderLine(lines[i], i + 1, in.variables(), ctx, out);
        }
        out.setLength(out.length() - 1); // the last "\n" added by renderLine
        return out.toString();
    }

    private static Context renderLine(String line, int lineNo, Map<String, String> vars, Context ctx,
            StringBuilder out) throws TemplateException {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
                int close = line.indexOf('}', i + 2);
                if (close < 0) {
                    throw new TemplateException(lineNo, "unterminated ${");
                }
                out.append(place(value(line.substring(i + 2, close), vars, lineNo), ctx, lineNo));
                i = close + 1;
                continue;
            }
            out.append(c);
            ctx = advance(ctx, line, i);
            if (ctx == Context.STRING && c == '\\' && i + 1 < line.length()) {
                out.append(line.charAt(++i)); // an escaped character of the template itself
            }
            i++;
        }
        out.append('\n');
        return ctx == Context.LINE_COMMENT ? Context.PLAIN : ctx;
    }

    /** The context after the character at {@code i}. */
    private static Context advance(Context ctx, String line, int i) {
        char c = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
        char prev = i > 0 ? line.charAt(i - 1) : '\0';
        return switch (ctx) {
            case PLAIN -> c == '"' ? Context.STRING : c == '/' && next == '*' ? Context.BLOCK_COMMENT
                    : c == '#' || c == '/' && next == '/' ? Context.LINE_COMMENT : Context.PLAIN;
            case STRING -> c == '"' ? Context.PLAIN : Context.STRING;
            case BLOCK_COMMENT -> c == '/' && prev == '*' && i >= 2 ? Context.PLAIN : Context.BLOCK_COMMENT;
            case LINE_COMMENT -> Context.LINE_COMMENT;
        };
    }

    private static String value(String expr, Map<String, String> vars, int lineNo) throws TemplateException {
        int dflt = expr.indexOf(":-");
        String name = (dflt < 0 ? expr : expr.substring(0, dflt)).strip();
        if (!NAME.matcher(name).matches()) {
            throw new TemplateException(lineNo, "bad placeholder ${" + expr + "}");
        }
        String v = vars.get(name);
        if (v != null) {
            return v;
        }
        if (dflt >= 0) {
            return expr.substring(dflt + 2);
        }
        throw new TemplateException(lineNo, "no value for ${" + name + "}");
    }

    private static String place(String v, Context ctx, int lineNo) throws TemplateException {
        switch (ctx) {
            case STRING:
                StringBuilder sb = new StringBuilder(v.length() + 8);
                for (char c : v.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
                return sb.toString();
            case BLOCK_COMMENT:
            case LINE_COMMENT:
                return v.replace("*/", "* /").replace('\n', ' ').replace('\r', ' ');
            default:
                if (!PLAIN_VALUE.matcher(v).matches()) {
                    throw new TemplateException(lineNo, "value '" + (v.length() > 40 ? v.substring(0, 40) + "..." : v)
                            + "' cannot stand outside a string (only letters, digits and . _ - : + there)");
                }
                return v;
        }
    }

    /** All placeholder names used by a template (for the editor and dry runs). */
    public static List<String> placeholders(String template) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(:-[^}]*)?}")
                .matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }
}
