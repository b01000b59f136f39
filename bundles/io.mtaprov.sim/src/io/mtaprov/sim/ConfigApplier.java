package io.mtaprov.sim;

import io.mtaprov.core.model.Flow;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigTlv;
import io.mtaprov.protocol.config.ConfigValidator;
import io.mtaprov.protocol.config.Finding;
import io.mtaprov.protocol.config.HashCheck;
import io.mtaprov.protocol.config.RawTlv;
import io.mtaprov.protocol.config.SnmpValue;
import io.mtaprov.protocol.config.Varbind;
import io.mtaprov.protocol.config.VarbindTlv;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 9 as an MTA does it: checks the file's hash (Hybrid: SHA-1 equals the SET's
 * pktcMtaDevProvConfigHash; Basic: the hash TLV inside, {@link ConfigHash#verify}), decodes it,
 * requires pktcMtaDevEnabled.0 = true(1) of its own MIB tree, and validates it with
 * {@link ConfigValidator}. Objects it rejects (unknown OIDs, read-only, wrong syntax, the other MIB
 * tree) become rows of pktcMtaDevErrorOidsTable and make the state passWithWarnings; TLV 11/64 that
 * do not parse make it passWithIncompleteParsing; anything wrong with the file as a whole is
 * failConfigFileError (PKT-SP-PROV1.5; PROTOCOL.md "SNMP and the MIB"). Stateless.
 */
final class ConfigApplier {
    /** One rejected object: its OID (dotted), the value given, and why. */
    record ErrorRow(String oid, String value, String reason) {
    }

    /** The decision, the rows for the error table and the varbinds accepted. */
    record Verdict(ProvisioningState state, String reason, List<ErrorRow> rows, List<Varbind> accepted) {
        static Verdict fail(String reason) {
            return new Verdict(ProvisioningState.FAIL_CONFIG_FILE_ERROR, reason, List.of(), List.of());
        }
    }

    private ConfigApplier() {
    }

    /**
     * @param bytes   the downloaded file
     * @param flow    the flow (Basic: hash TLV inside; else the SET's hash)
     * @param setHash pktcMtaDevProvConfigHash as set (Hybrid), may be empty
     * @param tree    the MTA's MIB tree
     * @param faults  {@link Faults#wrongHash()} and {@link Faults#unknownObjects()} are applied here
     */
    static Verdict apply(byte[] bytes, Flow flow, byte[] setHash, MibTree tree, Faults faults) {
        ConfigFile file;
        try {
            file = ConfigFile.decode(bytes);
        } catch (DecodeException e) {
            if (!flow.isBasic() && !hashMatches(bytes, null, setHash, faults)) {
                return Verdict.fail(hashMismatch(bytes, setHash));
            }
            return Verdict.fail("the file does not decode at offset " + e.offset() + ": " + e.getMessage());
        }
        if (flow.isBasic()) {
            HashCheck h = ConfigHash.verify(file);
            if (!h.valid() || faults.wrongHash()) {
                return Verdict.fail("configuration hash TLV " + (faults.wrongHash() ? "MISMATCH (fault injection)"
                        : h.status()));
            }
        } else if (!hashMatches(bytes, file, setHash, faults)) {
            return Verdict.fail(hashMismatch(bytes, setHash));
        }
        MtaObjects objects = MtaObjects.of(tree);
        Varbind enabled = file.varbinds().stream().filter(v -> v.oid().equals(objects.enabledInstance)).findFirst()
                .orElse(null);
        if (enabled == null) {
            return Verdict.fail("pktcMtaDevEnabled.0 (" + objects.enabledInstance + ") is not in the file");
        }
        if (!(enabled.value() instanceof SnmpValue.Integer32 i && i.value() == 1)) {
            return Verdict.fail("pktcMtaDevEnabled.0 is " + enabled.value() + ", not true(1)");
        }
        return judge(file, tree, faults);
    }

    private static Verdict judge(ConfigFile file, MibTree tree, Faults faults) {
        List<ConfigTlv> tlvs = file.tlvs();
        int[] offsets = file.offsets();
        Map<Integer, ErrorRow> rows = new LinkedHashMap<>();
        boolean incomplete = false;
        MibRegistry mib = MibRegistry.standard();
        for (int i = 0; i < tlvs.size(); i++) {
            if (tlvs.get(i) instanceof VarbindTlv v && !ConfigHash.isHashTlv(v)) {
                MibTree other = mib.treeOf(v.oid());
                if ((other == MibTree.CABLELABS || other == MibTree.IETF) && other != tree) {
                    rows.put(i, row(v, "object of the " + other + " MIB tree; this MTA implements " + tree));
                } else if (faults.unknown(v.oid().toString())) {
                    rows.put(i, row(v, "unknown object: this MTA does not implement it (fault injection)"));
                }
            }
        }
        for (Finding f : ConfigValidator.validate(file)) {
            if (f.severity() == Finding.Severity.INFO) {
                continue;
            }
            int i = tlvAt(offsets, f.location().value());
            ConfigTlv t = tlvs.get(i);
            if (t instanceof VarbindTlv v && !ConfigHash.isHashTlv(v)) {
                rows.putIfAbsent(i, row(v, f.message()));
            } else if (t instanceof RawTlv r && (r.type() == ConfigTlv.TYPE_SNMP || r.type() == ConfigTlv.TYPE_SNMP_LONG)) {
                incomplete = true;
                rows.putIfAbsent(i, new ErrorRow("", HexFormat.of().formatHex(r.value()), f.message()));
            } else if (f.severity() == Finding.Severity.ERROR) {
                return Verdict.fail(f.toString());
            }
        }
        List<Varbind> accepted = new ArrayList<>();
        for (int i = 0; i < tlvs.size(); i++) {
            if (tlvs.get(i) instanceof VarbindTlv v && !rows.containsKey(i)) {
                accepted.add(v.varbind());
            }
        }
        ProvisioningState state = incomplete ? ProvisioningState.PASS_WITH_INCOMPLETE_PARSING
                : rows.isEmpty() ? ProvisioningState.PASS : ProvisioningState.PASS_WITH_WARNINGS;
        String reason = rows.isEmpty() ? "" : rows.size() + " object(s) rejected: " + rows.values().iterator().next();
        return new Verdict(state, reason, List.copyOf(rows.values()), accepted);
    }

    private static ErrorRow row(VarbindTlv v, String reason) {
        String value = v.value() instanceof SnmpValue.OctetString s ? new String(s.bytes(),
                java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(v.value());
        return new ErrorRow(v.oid().toString(), value, reason);
    }

    /** Index of the TLV that holds byte {@code offset}. */
    private static int tlvAt(int[] offsets, int offset) {
        int i = java.util.Arrays.binarySearch(offsets, offset);
        return Math.max(0, i >= 0 ? i : -i - 2);
    }

    /** SHA-1 of the file bytes (or of the file without its hash TLV) equals the SET's hash. */
    private static boolean hashMatches(byte[] bytes, ConfigFile file, byte[] setHash, Faults faults) {
        if (setHash.length == 0 || faults.wrongHash()) {
            return false;
        }
        if (MessageDigest.isEqual(ConfigHash.sha1(bytes), setHash)) {
            return true;
        }
        return file != null && MessageDigest.isEqual(ConfigHash.compute(file), setHash);
    }

    private static String hashMismatch(byte[] bytes, byte[] setHash) {
        return "configuration hash mismatch: SET " + (setHash.length == 0 ? "none" : HexFormat.of().formatHex(setHash))
                + ", file SHA-1 " + HexFormat.of().formatHex(ConfigHash.sha1(bytes));
    }
}
