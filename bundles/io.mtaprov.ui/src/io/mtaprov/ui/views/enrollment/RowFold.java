package io.mtaprov.ui.views.enrollment;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.ui.internal.Attempts;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds what is learned of an MTA into its {@link EnrollmentRow}: a trace event (step, failure,
 * start of a new attempt), a DHCP lease (address, name, device type) or a session snapshot of the
 * provisioning server (flow, state, status, file). Applying an event twice changes nothing, so the
 * stored history and live events may overlap. Pure functions; any thread.
 */
final class RowFold {
    private static final Pattern VENDOR = Pattern.compile("VENDOR:\\s*([^;>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODEL = Pattern.compile("MODEL:\\s*([^;>]+)", Pattern.CASE_INSENSITIVE);
    /** The provisioning server's COMPLETE transition (ProvisioningWorkflow.completion). */
    private static final String PROVISIONED = "provisioned in";

    private RowFold() {
    }

    static EnrollmentRow apply(EnrollmentRow old, TraceEvent e) {
        EnrollmentRow r = old == null ? EnrollmentRow.of(e.mtaMac()) : old;
        boolean newer = r.lastChange() == null || e.time().isAfter(r.lastChange());
        if (r.attemptStart() != null && newer && Attempts.startsNew(e, r.maxStep())) {
            r = new EnrollmentRow(r.mac(), r.ip(), r.fqdn(), r.vendorModel(), r.deviceType(), r.flow(), null, "", null,
                    false, "", null, null, null, r.fileName(), 0);
        } else if (r.attemptStart() != null && e.time().isBefore(r.attemptStart())) {
            return r; // an older attempt's event
        }
        Instant start = r.attemptStart() == null || e.time().isBefore(r.attemptStart()) ? e.time() : r.attemptStart();
        Instant last = newer ? e.time() : r.lastChange();
        boolean fails = e.outcome() == Outcome.FAILED && !r.failed();
        ProvisioningStep step = r.failed() ? r.step() : fails || newer || r.step() == null ? e.step() : r.step();
        String reason = fails ? firstNonEmpty(e.detail(), e.summary()) : r.reason();
        Instant provisioned = r.provisionedAt() == null && isCompletion(e) ? e.time() : r.provisionedAt();
        EnrollmentRow next = new EnrollmentRow(r.mac(), r.ip(), r.fqdn(), r.vendorModel(), r.deviceType(), r.flow(),
                r.session(), r.status(), step, r.failed() || fails, reason, start, last, provisioned, r.fileName(),
                Math.max(r.maxStep(), e.step().number()));
        return next.equals(old) ? old : next;
    }

    static EnrollmentRow apply(EnrollmentRow old, Lease l) {
        EnrollmentRow r = old == null ? EnrollmentRow.of(l.mac()) : old;
        String type = r.deviceType().isEmpty() ? deviceType(l.vendorClass(), l.clientClass()) : r.deviceType();
        EnrollmentRow next = new EnrollmentRow(r.mac(), l.ip(), l.hostname(), r.vendorModel(), type, r.flow(),
                r.session(), r.status(), r.step(), r.failed(), r.reason(), r.attemptStart(), r.lastChange(),
                r.provisionedAt(), r.fileName(), r.maxStep());
        return next.equals(old) ? old : next;
    }

    /** Applies the session unless it belongs to an attempt older than the row's. */
    static EnrollmentRow apply(EnrollmentRow old, SessionSnapshot s) {
        EnrollmentRow r = old == null ? EnrollmentRow.of(s.mac()) : old;
        if (r.attemptStart() != null && s.ended() != null && s.ended().isBefore(r.attemptStart())) {
            return r;
        }
        var en = s.enrollment();
        boolean failed = r.failed() || s.state() == ProvisioningState.FAILED;
        String reason = r.failed() || s.state() != ProvisioningState.FAILED ? r.reason() : s.reason();
        Instant provisioned = r.provisionedAt() == null && s.state() == ProvisioningState.COMPLETE ? s.ended()
                : r.provisionedAt();
        Instant start = r.attemptStart() == null ? s.started() : r.attemptStart();
        Instant last = r.lastChange() == null || s.ended() != null && s.ended().isAfter(r.lastChange()) ? latest(s)
                : r.lastChange();
        EnrollmentRow next = new EnrollmentRow(r.mac(), r.ip().isEmpty() ? en.ip() : r.ip(), r.fqdn(),
                vendorModel(en.sysDescr(), r.vendorModel()),
                en.typeIdentifier().isEmpty() ? r.deviceType() : deviceType(en.typeIdentifier(), r.deviceType()),
                en.flow().realmName(), s.state(), s.status() == null ? "" : s.status().label(),
                r.step() == null ? s.state().step() : r.step(), failed, reason, start, last, provisioned,
                s.fileName().isEmpty() ? r.fileName() : s.fileName(), r.maxStep());
        return next.equals(old) ? old : next;
    }

    private static Instant latest(SessionSnapshot s) {
        return s.ended() != null ? s.ended() : s.started();
    }

    private static boolean isCompletion(TraceEvent e) {
        return "mps".equals(e.source()) && e.outcome() == Outcome.OK && e.summary().startsWith(PROVISIONED);
    }

    /** "Vendor Model" from a sysDescr of the form {@code <<VENDOR: x; MODEL: y; ...>>}, else the text. */
    static String vendorModel(String sysDescr, String fallback) {
        if (sysDescr.isBlank()) {
            return fallback;
        }
        Matcher v = VENDOR.matcher(sysDescr);
        Matcher m = MODEL.matcher(sysDescr);
        String vendor = v.find() ? v.group(1).trim() : "";
        String model = m.find() ? m.group(1).trim() : "";
        String both = (vendor + " " + model).trim();
        return both.isEmpty() ? sysDescr.strip() : both;
    }

    /** The option 60 prefix before ':' ("pktc1.5"), else the fallback. */
    static String deviceType(String option60, String fallback) {
        int colon = option60.indexOf(':');
        String p = colon > 0 ? option60.substring(0, colon) : option60;
        return p.isBlank() ? fallback : p.toLowerCase(Locale.ROOT).strip();
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isBlank() ? b : a;
    }
}
