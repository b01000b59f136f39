package io.mtaprov.protocol.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration file hash (PKT-SP-PROV1.5; PROTOCOL.md "The MTA configuration file"): SHA-1
 * over the whole file without the hash TLV, both delimiters included; the 20-byte digest is added
 * as a TLV 11 varbind {@code <hash OID>} OCTET STRING immediately before the end delimiter (Basic
 * flow), or sent by SNMP SET of pktcMtaDevProvConfigHash (Secure and Hybrid flows). This is what
 * the {@code docsis} tool does. Stateless and thread-safe.
 */
public final class ConfigHash {
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JRE", e);
        }
    });

    private ConfigHash() {
    }

    /** Whether {@code tlv} is a hash varbind of any dialect. */
    public static boolean isHashTlv(ConfigTlv tlv) {
        return tlv instanceof VarbindTlv v && HashDialect.of(v.oid()) != null;
    }

    /** The file with every hash TLV removed. */
    public static ConfigFile withoutHash(ConfigFile file) {
        List<ConfigTlv> out = new ArrayList<>(file.tlvs().size());
        for (ConfigTlv t : file.tlvs()) {
            if (!isHashTlv(t)) {
                out.add(t);
            }
        }
        return out.size() == file.tlvs().size() ? file : new ConfigFile(out);
    }

    /** The 20-byte SHA-1 of the file without its hash TLV (what the SNMP SET carries). */
    public static byte[] compute(ConfigFile file) {
        return sha1(withoutHash(file).encode());
    }

    /** SHA-1 of {@code bytes}. */
    public static byte[] sha1(byte[] bytes) {
        MessageDigest md = SHA1.get();
        md.reset();
        return md.digest(bytes);
    }

    /**
     * The file with its hash TLV (re)computed and placed immediately before the last end
     * delimiter.
     *
     * @throws IllegalArgumentException if the file has no end delimiter
     */
    public static ConfigFile withHash(ConfigFile file, HashDialect dialect) {
        ConfigFile base = withoutHash(file);
        List<ConfigTlv> tlvs = base.tlvs();
        int end = lastEnd(tlvs);
        VarbindTlv hash = hashTlv(dialect, sha1(base.encode()));
        List<ConfigTlv> out = new ArrayList<>(tlvs.size() + 1);
        out.addAll(tlvs.subList(0, end));
        out.add(hash);
        out.addAll(tlvs.subList(end, tlvs.size()));
        return new ConfigFile(out);
    }

    /** The encoded file with its hash TLV, as {@code withHash(file, dialect).encode()}. */
    public static byte[] encodeWithHash(ConfigFile file, HashDialect dialect) {
        return withHash(file, dialect).encode();
    }

    /** The TLV 11 carrying {@code digest} under the dialect's OID. */
    public static VarbindTlv hashTlv(HashDialect dialect, byte[] digest) {
        return VarbindTlv.of(ConfigTlv.TYPE_SNMP, new Varbind(dialect.oid(), new SnmpValue.OctetString(digest)));
    }

    /** Checks the hash TLV of {@code file} (see {@link HashCheck}). */
    public static HashCheck verify(ConfigFile file) {
        List<ConfigTlv> tlvs = file.tlvs();
        int index = -1;
        int count = 0;
        for (int i = 0; i < tlvs.size(); i++) {
            if (isHashTlv(tlvs.get(i))) {
                index = index < 0 ? i : index;
                count++;
            }
        }
        if (index < 0) {
            return new HashCheck(HashCheck.Status.ABSENT, -1, null, null);
        }
        VarbindTlv t = (VarbindTlv) tlvs.get(index);
        byte[] expected = compute(file);
        byte[] carried = t.value() instanceof SnmpValue.OctetString s ? s.bytes() : null;
        HashCheck.Status status;
        if (carried == null || !MessageDigest.isEqual(carried, expected)) {
            status = HashCheck.Status.MISMATCH;
        } else if (count > 1) {
            status = HashCheck.Status.DUPLICATE;
        } else if (index + 1 >= tlvs.size() || !(tlvs.get(index + 1) instanceof DelimiterTlv d && d.isEnd())) {
            status = HashCheck.Status.MISPLACED;
        } else {
            status = HashCheck.Status.VALID;
        }
        return new HashCheck(status, index, expected, carried);
    }

    private static int lastEnd(List<ConfigTlv> tlvs) {
        for (int i = tlvs.size() - 1; i >= 0; i--) {
            if (tlvs.get(i) instanceof DelimiterTlv d && d.isEnd()) {
                return i;
            }
        }
        throw new IllegalArgumentException("the file has no end delimiter FE 01 FF");
    }
}
