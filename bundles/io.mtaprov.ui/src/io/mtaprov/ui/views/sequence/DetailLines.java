package io.mtaprov.ui.views.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a TraceEvent's decoded detail into a tree when every line reads {@code key: value} (or
 * {@code key:} opening deeper-indented lines); nesting follows indentation. Pure; any thread.
 */
final class DetailLines {
    private static final Pattern LINE = Pattern.compile("^(\\s*)([^:\\s][^:]{0,63}):(?:\\s+(.*)|)$");

    /** A key with its value and nested lines. */
    record Node(String key, String value, List<Node> children) {
    }

    private DetailLines() {
    }

    /** The tree of the detail, or an empty list when some line is not {@code key: value}. */
    static List<Node> parse(String detail) {
        List<Node> roots = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        List<Node> path = new ArrayList<>();
        for (String line : detail.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return List.of();
            }
            int indent = m.group(1).length();
            Node n = new Node(m.group(2).strip(), m.group(3) == null ? "" : m.group(3).strip(), new ArrayList<>());
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                path.remove(path.size() - 1);
            }
            (path.isEmpty() ? roots : path.get(path.size() - 1).children()).add(n);
            indents.add(indent);
            path.add(n);
        }
        return roots;
    }
}
