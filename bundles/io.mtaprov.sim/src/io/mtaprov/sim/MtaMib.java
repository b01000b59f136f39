package io.mtaprov.sim;

import io.mtaprov.protocol.config.SnmpValue;
import io.mtaprov.protocol.config.Varbind;
import io.mtaprov.protocol.mib.SnmpType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * The object values of one simulated MTA, in OID order: what its agent answers and what its
 * notifications carry. Starts with the device objects (sysDescr, ifNumber, the pktcMtaDev identity
 * objects, pktcMtaDevProvisioningState = inProgress(2)); the configuration file's accepted
 * varbinds and the pktcMtaDevErrorOidsTable rows are added when the file is applied. Thread-safe.
 */
final class MtaMib {
    final MtaObjects objects;
    private final ConcurrentSkipListMap<OID, Variable> values = new ConcurrentSkipListMap<>();
    private final long bootNanos = System.nanoTime();
    private volatile long clockOffsetCentis;

    MtaMib(MtaProfile p, String typeIdentifier) {
        objects = MtaObjects.of(p.mibTree());
        OctetString mac = new OctetString(p.macBytes());
        values.put(MtaObjects.SYS_DESCR, text(p.vendor() + " " + p.model() + " eMTA <<HW_REV: " + p.hardwareVersion()
                + "; VENDOR: " + p.vendor() + "; BOOTR: " + p.hardwareVersion() + "; SW_REV: " + p.softwareVersion()
                + "; MODEL: " + p.model() + ">>"));
        values.put(MtaObjects.SYS_UP_TIME, new TimeTicks(0));
        values.put(MtaObjects.IF_NUMBER, new Integer32(1 + p.lines()));
        values.put(new OID(MtaObjects.IF_PHYS_ADDRESS).append(MtaObjects.MTA_IF_INDEX), mac);
        values.put(objects.serialNumber, text(p.serialNumber()));
        values.put(objects.macAddress, mac);
        values.put(objects.swCurrentVers, text(p.softwareVersion()));
        values.put(objects.typeIdentifier, text(typeIdentifier));
        values.put(objects.correlationId, objects.tree == io.mtaprov.protocol.mib.MibTree.IETF
                ? new UnsignedInteger32(p.correlationId()) : new Integer32((int) p.correlationId()));
        values.put(objects.enabled, new Integer32(1));
        values.put(objects.configFile, new OctetString());
        values.put(objects.configHash, new OctetString());
        state(ProvisioningState.IN_PROGRESS);
    }

    /** The value of an instance, or {@code null}; sysUpTime is live. */
    Variable get(OID oid) {
        if (MtaObjects.SYS_UP_TIME.equals(oid)) {
            return upTime();
        }
        return values.get(oid);
    }

    /** The first instance after {@code oid}, or {@code null} at the end of the MIB view. */
    Map.Entry<OID, Variable> next(OID oid) {
        Map.Entry<OID, Variable> e = values.higherEntry(oid);
        if (e != null && MtaObjects.SYS_UP_TIME.equals(e.getKey())) {
            return Map.entry(e.getKey(), upTime());
        }
        return e;
    }

    boolean contains(OID oid) {
        return values.containsKey(oid);
    }

    void put(OID oid, Variable v) {
        values.put(oid, v);
    }

    /** Hundredths of a second since the MTA booted (plus any clock jump), within 0..2^32-1. */
    TimeTicks upTime() {
        long t = (System.nanoTime() - bootNanos) / 10_000_000L + clockOffsetCentis;
        return new TimeTicks(Math.max(0, Math.min(0xFFFF_FFFFL, t)));
    }

    /** The agent's clock (sysUpTime) jumps by {@code d} (fault injection); negative goes back. */
    void jumpClock(java.time.Duration d) {
        clockOffsetCentis += d.toMillis() / 10;
    }

    void state(ProvisioningState s) {
        values.put(objects.provisioningState, new Integer32(s.value()));
    }

    ProvisioningState state() {
        return ProvisioningState.of(values.get(objects.provisioningState).toInt());
    }

    /** Fills pktcMtaDevErrorOidsTable, rows indexed from 1. */
    void errorRows(List<ConfigApplier.ErrorRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            ConfigApplier.ErrorRow r = rows.get(i);
            values.put(new OID(objects.errorOid).append(i + 1), text(r.oid()));
            values.put(new OID(objects.errorValue).append(i + 1), text(r.value()));
            values.put(new OID(objects.errorReason).append(i + 1), text(r.reason()));
        }
    }

    /** Makes the accepted varbinds of the configuration file readable. */
    void apply(List<Varbind> accepted) {
        for (Varbind v : accepted) {
            Variable x = toVariable(v.value());
            if (x != null) {
                values.put(MtaObjects.toSnmp4j(v.oid()), x);
            }
        }
    }

    static Variable toVariable(SnmpValue v) {
        return switch (v) {
            case SnmpValue.Integer32 i -> new Integer32((int) i.value());
            case SnmpValue.Unsigned u -> u.type() == SnmpType.COUNTER32 ? new Counter32(u.value())
                    : u.type() == SnmpType.TIMETICKS ? new TimeTicks(u.value())
                    : u.type() == SnmpType.GAUGE32 ? new Gauge32(u.value()) : new UnsignedInteger32(u.value());
            case SnmpValue.Counter64 c -> new Counter64(c.value());
            case SnmpValue.IpAddress a -> new IpAddress(a.address());
            case SnmpValue.ObjectId o -> MtaObjects.toSnmp4j(o.oid());
            case SnmpValue.OctetString s -> new OctetString(s.bytes());
            default -> null;
        };
    }

    private static OctetString text(String s) {
        return new OctetString(s.getBytes(StandardCharsets.UTF_8));
    }
}
