package io.mtaprov.ui.properties;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/**
 * The components of a record (an MTA's enrollment row, a trace event) as read-only properties for
 * the Properties view, with readable names ("mtaMac" shows as "MTA MAC") and times in local time.
 * UI thread.
 */
final class RecordPropertySource implements IPropertySource {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("mac", "MAC"),
            Map.entry("mtaMac", "MTA MAC"), Map.entry("ip", "IP address"), Map.entry("fqdn", "FQDN"),
            Map.entry("vendorModel", "Vendor / model"), Map.entry("deviceType", "Device type"),
            Map.entry("maxStep", "Highest step"), Map.entry("fileName", "Config file"),
            Map.entry("attemptStart", "Attempt started"), Map.entry("lastChange", "Last change"),
            Map.entry("provisionedAt", "Provisioned at"), Map.entry("session", "Provisioning server state"));

    private final Record record;
    RecordPropertySource(Record record) {
        this.record = record;
    }

    @Override
    public Object getEditableValue() {
        return null;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IPropertyDescriptor> out = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            PropertyDescriptor d = new PropertyDescriptor(c.getName(), label(c.getName()));
            out.add(d);
        }
        return out.toArray(IPropertyDescriptor[]::new);
    }

    static String label(String name) {
        String known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    @Override
    public Object getPropertyValue(Object id) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(id)) {
                try {
                    Object v = c.getAccessor().invoke(record);
                    return v == null ? "" : v instanceof Instant i ? TIME.format(i) : v.toString();
                } catch (ReflectiveOperationException e) {
                    return "(" + e.getMessage() + ")";
                }
            }
        }
        return "";
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // read-only
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        // read-only
    }
}
