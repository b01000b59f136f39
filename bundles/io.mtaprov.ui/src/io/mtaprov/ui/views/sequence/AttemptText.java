package io.mtaprov.ui.views.sequence;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An attempt as plain text for the clipboard: one line per arrow (time, delta, from -> to, label,
 * outcome) with its detail indented below. Pure; any thread.
 */
final class AttemptText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private AttemptText() {
    }

    static String format(String mac, List<Arrow> arrows) {
        StringBuilder sb = new StringBuilder("MTA ").append(mac).append(", ").append(arrows.size())
                .append(" messages\n");
        for (Arrow a : arrows) {
            String route = a.isNote() ? a.from().label() + " (note)" : a.from().label() + " -> " + a.to().label();
            sb.append(TIME.format(a.event().time())).append(' ')
                    .append(String.format("%-10s", SequencePainter.since(a.sincePrevious()))).append(' ')
                    .append(String.format("%-32s", route)).append(' ').append(a.label()).append(" [")
                    .append(a.event().outcome()).append("]\n");
            for (String line : a.event().detail().split("\\R")) {
                if (!line.isBlank()) {
                    sb.append("        ").append(line).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
