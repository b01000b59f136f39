package io.mtaprov.ui.views.enrollment;

import io.mtaprov.ui.internal.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;

/** The Enrollment table's columns: title, width, cell text and sort order. Immutable. */
public enum EnrollmentColumn {
    MAC(Messages.Enrollment_colMac, 130, EnrollmentRow::mac),
    IP(Messages.Enrollment_colIp, 105, EnrollmentRow::ip, Comparator.comparing(r -> ipKey(r.ip()))),
    FQDN(Messages.Enrollment_colFqdn, 170, EnrollmentRow::fqdn),
    VENDOR(Messages.Enrollment_colVendor, 130, EnrollmentRow::vendorModel),
    TYPE(Messages.Enrollment_colType, 75, EnrollmentRow::deviceType),
    FLOW(Messages.Enrollment_colFlow, 75, EnrollmentRow::flow),
    STATE(Messages.Enrollment_colState, 130, EnrollmentRow::state),
    STEP(Messages.Enrollment_colStep, 220, EnrollmentColumn::stepText,
            Comparator.comparing(r -> r.step() == null ? 0 : r.step().number())),
    LAST_CHANGE(Messages.Enrollment_colLastChange, 95, r -> time(r.lastChange()),
            Comparator.comparing(EnrollmentRow::lastChange, Comparator.nullsFirst(Comparator.naturalOrder()))),
    TIME_TO_PROVISION(Messages.Enrollment_colTime, 90, r -> millis(r.timeToProvision()),
            Comparator.comparing(EnrollmentRow::timeToProvision, Comparator.nullsLast(Comparator.naturalOrder())));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final String title;
    private final int width;
    private final Function<EnrollmentRow, String> text;
    private final Comparator<EnrollmentRow> order;

    EnrollmentColumn(String title, int width, Function<EnrollmentRow, String> text) {
        this(title, width, text, Comparator.comparing(text));
    }

    EnrollmentColumn(String title, int width, Function<EnrollmentRow, String> text, Comparator<EnrollmentRow> order) {
        this.title = title;
        this.width = width;
        this.text = text;
        this.order = order.thenComparing(EnrollmentRow::mac);
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public String text(EnrollmentRow r) {
        return text.apply(r);
    }

    /** Ascending order, ties broken by MAC. */
    public Comparator<EnrollmentRow> order() {
        return order;
    }

    private static String stepText(EnrollmentRow r) {
        return r.failed() ? "\u2717 " + r.stepText() : r.stepText();
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String millis(Duration d) {
        return d == null ? "" : String.format(java.util.Locale.ROOT, "%.3f s", d.toMillis() / 1000.0);
    }

    /** Dotted quads sort numerically; anything else after them, as text. */
    static long ipKey(String ip) {
        String[] p = ip.split("\\.");
        if (p.length != 4) {
            return Long.MAX_VALUE;
        }
        long k = 0;
        try {
            for (String s : p) {
                k = k * 256 + Integer.parseInt(s);
            }
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
        return k;
    }
}
