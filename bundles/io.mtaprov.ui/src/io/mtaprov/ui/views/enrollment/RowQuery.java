package io.mtaprov.ui.views.enrollment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the Enrollment table shows: a case-insensitive substring of MAC, IP or state, and a sort
 * column and direction (null: by MAC). {@link #run} computes the shown rows; it is meant for a Job
 * (100,000 rows take tens of milliseconds). Immutable.
 */
public record RowQuery(String filter, EnrollmentColumn sort, boolean ascending) {

    /** Shown rows in order and each MAC's index among them. Owned by the UI thread once handed over. */
    public record Result(EnrollmentRow[] rows, Map<String, Integer> index) {
    }

    public RowQuery {
        filter = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
    }

    public boolean matches(EnrollmentRow r) {
        return filter.isEmpty() || r.mac().contains(filter) || r.ip().contains(filter)
                || r.state().toLowerCase(Locale.ROOT).contains(filter);
    }

    public Comparator<EnrollmentRow> comparator() {
        Comparator<EnrollmentRow> c = sort == null ? EnrollmentColumn.MAC.order() : sort.order();
        return ascending ? c : c.reversed();
    }

    public Result run(List<EnrollmentRow> all) {
        List<EnrollmentRow> shown = new ArrayList<>(all.size());
        for (EnrollmentRow r : all) {
            if (matches(r)) {
                shown.add(r);
            }
        }
        shown.sort(comparator());
        EnrollmentRow[] rows = shown.toArray(EnrollmentRow[]::new);
        Map<String, Integer> index = new HashMap<>(rows.length * 2);
        for (int i = 0; i < rows.length; i++) {
            index.put(rows[i].mac(), i);
        }
        return new Result(rows, index);
    }
}
