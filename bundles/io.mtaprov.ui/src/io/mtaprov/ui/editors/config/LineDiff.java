package io.mtaprov.ui.editors.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence of lines), for comparing a config file with
 * another one. Files beyond {@value #MAX_CELLS} line pairs are compared as all-removed/all-added.
 * Pure; any thread.
 */
public final class LineDiff {
    static final long MAX_CELLS = 16_000_000L;

    /** One line of the result: ' ' in both, '-' only in the first text, '+' only in the second. */
    public record Line(char kind, String text) {
        @Override
        public String toString() {
            return kind + " " + text;
        }
    }

    private LineDiff() {
    }

    public static List<Line> diff(String first, String second) {
        String[] a = first.split("\\R", -1);
        String[] b = second.split("\\R", -1);
        List<Line> out = new ArrayList<>();
        if ((long) a.length * b.length > MAX_CELLS) {
            for (String s : a) {
                out.add(new Line('-', s));
            }
            for (String s : b) {
                out.add(new Line('+', s));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(' ', a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line('-', a[i++]));
            } else {
                out.add(new Line('+', b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line('-', a[i++]));
        }
        while (j < b.length) {
            out.add(new Line('+', b[j++]));
        }
        return out;
    }

    /** Lines of a kind in a diff. */
    public static long count(List<Line> diff, char kind) {
        return diff.stream().filter(l -> l.kind() == kind).count();
    }
}
