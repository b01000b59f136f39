package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SNMPv3 DOI application data (PKT-SP-SEC; Wireshark {@code pktc.asd.*}): engine ID length (1) and
 * snmpEngineID (RFC 3411), snmpEngineBoots (4), snmpEngineTime (4), USM user name length (1) and
 * usmUserName (UTF-8 SnmpAdminString). Immutable; the engine ID is copied in and out.
 *
 * @param engineId snmpEngineID, at most 255 bytes (RFC 3411 wants 5..32; not enforced here)
 * @param engineBoots 0..2^32-1
 * @param engineTime seconds, 0..2^32-1
 * @param userName usmUserName, at most 255 bytes in UTF-8
 */
public record SnmpApplicationData(byte[] engineId, long engineBoots, long engineTime, String userName)
        implements ApplicationData {

    /** @throws IllegalArgumentException if a field does not fit its wire size */
    public SnmpApplicationData {
        engineId = engineId.clone();
        if (engineId.length > 255) {
            throw new IllegalArgumentException("engine ID longer than 255 bytes");
        }
        if ((engineBoots & ~0xffff_ffffL) != 0 || (engineTime & ~0xffff_ffffL) != 0) {
            throw new IllegalArgumentException("engine boots/time must fit 32 bits unsigned");
        }
        if (userName.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("USM user name longer than 255 bytes");
        }
    }

    @Override
    public byte[] engineId() {
        return engineId.clone();
    }

    @Override
    public Doi doi() {
        return Doi.SNMPV3;
    }

    @Override
    public byte[] encode() {
        byte[] name = userName.getBytes(StandardCharsets.UTF_8);
        return new WireWriter().u8(engineId.length).bytes(engineId).u32(engineBoots)
                .u32(engineTime).u8(name.length).bytes(name).toBytes();
    }

    static SnmpApplicationData decode(WireReader r) throws DecodeException {
        byte[] engineId = r.bytes(r.u8("engine ID length"), "snmpEngineID");
        long boots = r.u32("snmpEngineBoots");
        long time = r.u32("snmpEngineTime");
        String name = r.utf8(r.u8("USM user name length"), "usmUserName");
        return new SnmpApplicationData(engineId, boots, time, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnmpApplicationData s && Arrays.equals(engineId, s.engineId)
                && engineBoots == s.engineBoots && engineTime == s.engineTime
                && userName.equals(s.userName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(engineId), engineBoots, engineTime, userName);
    }

    @Override
    public String toString() {
        return "SnmpApplicationData[engineId=" + HexFormat.of().formatHex(engineId) + ", boots="
                + engineBoots + ", time=" + engineTime + ", user=" + userName + "]";
    }
}
