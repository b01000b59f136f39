package io.mtaprov.core.provisioning;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bottom layer of config file generation (step 5): defaults for a class of devices, chosen by
 * vendor, model and device type. Patterns are case-insensitive substrings, "" matches anything:
 * {@code vendor} and {@code model} are looked for in sysDescr (DOCSIS OSSI form
 * {@code <<HW_REV: ..; VENDOR: ..; MODEL: ..>>}) and the DHCP option 60 string, {@code deviceType}
 * (e.g. "EMTA", "pktc1.0") in pktcMtaDevTypeIdentifier (a copy of option 60) and option 60.
 * Immutable.
 *
 * @param id         unique name, e.g. "default"
 * @param priority   higher wins among matching classes, then the more specific one
 * @param vendor     vendor pattern
 * @param model      model pattern
 * @param deviceType device type pattern
 * @param mibTree    "CABLELABS", "IETF" or "" for either: the tree whose names the template uses
 * @param template   the config file template in the docsis text form with ${...} placeholders
 *                   (see {@link ConfigTemplate})
 * @param getOids    objects to GET from the MTA in step 5a (MIB names with index or numeric OIDs);
 *                   each value is available to the template as {@code ${get.<name>}}
 * @param variables  default values of template variables (lowest layer)
 */
public record DeviceClass(String id, int priority, String vendor, String model, String deviceType, String mibTree,
        String template, List<String> getOids, Map<String, String> variables) {

    public DeviceClass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        vendor = vendor == null ? "" : vendor;
        model = model == null ? "" : model;
        deviceType = deviceType == null ? "" : deviceType;
        mibTree = mibTree == null ? "" : mibTree;
        getOids = List.copyOf(getOids);
        variables = Map.copyOf(variables);
    }

    /** What a device class is matched against. @param vendorClass DHCP option 60 as sent */
    public record DeviceFacts(String vendorClass, String typeIdentifier, String sysDescr, String mibTree) {
    }

    public boolean matches(DeviceFacts f) {
        String identity = f.sysDescr() + " " + f.vendorClass();
        String type = f.typeIdentifier() + " " + f.vendorClass();
        return contains(identity, vendor) && contains(identity, model) && contains(type, deviceType)
                && (mibTree.isEmpty() || mibTree.equalsIgnoreCase(f.mibTree()));
    }

    /** Number of non-empty patterns: the more, the more specific. */
    public int specificity() {
        return (vendor.isEmpty() ? 0 : 1) + (model.isEmpty() ? 0 : 1) + (deviceType.isEmpty() ? 0 : 1)
                + (mibTree.isEmpty() ? 0 : 1);
    }

    /** The best matching class: highest priority, then most specific, then id order. */
    public static Optional<DeviceClass> select(Collection<DeviceClass> classes, DeviceFacts facts) {
        DeviceClass best = null;
        for (DeviceClass c : classes) {
            if (c.matches(facts) && (best == null || c.priority > best.priority
                    || c.priority == best.priority && (c.specificity() > best.specificity()
                            || c.specificity() == best.specificity() && c.id.compareTo(best.id) < 0))) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean contains(String haystack, String pattern) {
        return pattern.isEmpty() || haystack.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT));
    }
}
