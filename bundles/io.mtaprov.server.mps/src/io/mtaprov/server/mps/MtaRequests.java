package io.mtaprov.server.mps;

import io.mtaprov.core.provisioning.RejectedLine;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.Oid;
import io.mtaprov.protocol.mib.OidNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.snmp4j.PDU;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The requests the provisioning server makes to an MTA's agent (SNMPv2c, the MTA's IP and
 * mtaprov.mta.snmpPort): the optional GETs of step 5a (PKT-SP-PROV1.5 MTA-16/17), the SET of step 7
 * (MTA-19: pktcMtaDevConfigFile.0 and pktcMtaDevProvConfigHash.0 in one PDU) and the walk of
 * pktcMtaDevErrorOidsTable after a status with warnings (step 10). Thread-safe.
 */
final class MtaRequests {
    static final int MAX_ERROR_ROWS = 1024; // pktcMtaDevErrorOidIndex (1..1024)

    private final SnmpEndpoint snmp;
    private final int port;

    MtaRequests(SnmpEndpoint snmp, int mtaSnmpPort) {
        this.snmp = snmp;
        this.port = mtaSnmpPort;
    }

    int port() {
        return port;
    }

    /** The instance OID of a configured name ("pktcMtaDevSerialNumber.0", "ifNumber"-style numeric OIDs). */
    static OID resolve(String name, MibTree tree) {
        Oid o = new OidNames(MibRegistry.standard()).parse(name, tree);
        return new OID(o.arcs());
    }

    /** One GET PDU for all names; completes with name -> value text for the objects the MTA has (null on timeout). */
    CompletableFuture<Map<String, String>> get(String ip, List<String> names, MibTree tree, Duration timeout) {
        PDU pdu = new PDU();
        pdu.setType(PDU.GET);
        for (String n : names) {
            pdu.add(new VariableBinding(resolve(n, tree)));
        }
        return snmp.send(pdu, ip, port, timeout).thenApply(r -> {
            if (r == null) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size() && i < r.size(); i++) {
                Variable v = r.get(i).getVariable();
                if (r.getErrorStatus() == PDU.noError && !v.isException() && !(v instanceof Null)) {
                    out.put(names.get(i), text(v));
                }
            }
            return out;
        });
    }

    /** The SET of step 7; completes with the response PDU, or null on timeout. */
    CompletableFuture<PDU> setConfigFile(String ip, String url, byte[] sha1, MibTree tree, Duration timeout) {
        PDU pdu = new PDU();
        pdu.setType(PDU.SET);
        pdu.add(new VariableBinding(MtaOids.scalar("pktcMtaDevConfigFile", tree), new OctetString(url)));
        pdu.add(new VariableBinding(MtaOids.scalar("pktcMtaDevProvConfigHash", tree), new OctetString(sha1)));
        return snmp.send(pdu, ip, port, timeout);
    }

    /** Why the MTA refused a request: "notWritable(17) at varbind 2 (pktcMtaDevProvConfigHash.0)". */
    static String describeError(PDU response, MibTree tree) {
        int i = response.getErrorIndex();
        String at = "";
        if (i >= 1 && i <= response.size()) {
            OID oid = response.get(i - 1).getOid();
            at = " at varbind " + i + " (" + new OidNames(MibRegistry.standard()).format(Oid.of(oid.getValue()), tree) + ")";
        }
        return response.getErrorStatusText() + "(" + response.getErrorStatus() + ")" + at;
    }

    /**
     * Walks pktcMtaDevErrorOidsTable with GETNEXT (columns pktcMtaDevErrorOid, and where the tree has
     * them pktcMtaDevErrorValue and pktcMtaDevErrorReason), blocking; maps each rejected OID to the
     * line of the generated file that set it.
     */
    List<RejectedLine> rejectedLines(String ip, GeneratedConfig config, Duration timeout) throws Exception {
        OID entry = MtaOids.object("pktcMtaDevErrorOidsEntry", config.tree());
        Map<OID, Map<Integer, String>> rows = new TreeMap<>();
        OID next = entry;
        for (int n = 0; n < 3 * MAX_ERROR_ROWS; n++) {
            PDU pdu = new PDU();
            pdu.setType(PDU.GETNEXT);
            pdu.add(new VariableBinding(next));
            PDU r = snmp.send(pdu, ip, port, timeout).get();
            if (r == null) {
                throw new java.util.concurrent.TimeoutException("no answer to GETNEXT " + next + " in " + timeout.toMillis() + " ms");
            }
            if (r.getErrorStatus() != PDU.noError || r.size() == 0) {
                break;
            }
            VariableBinding vb = r.get(0);
            if (vb.getVariable().isException() || !vb.getOid().startsWith(entry) || vb.getOid().size() <= entry.size() + 1) {
                break;
            }
            int column = vb.getOid().get(entry.size());
            OID index = new OID(vb.getOid().getValue(), entry.size() + 1, vb.getOid().size() - entry.size() - 1);
            rows.computeIfAbsent(index, k -> new TreeMap<>()).put(column, text(vb.getVariable()));
            next = vb.getOid();
        }
        List<RejectedLine> out = new ArrayList<>();
        for (Map<Integer, String> row : rows.values()) {
            String oidText = row.getOrDefault(2, "");
            String reason = String.join("; ", row.entrySet().stream().filter(e -> e.getKey() > 2)
                    .map(Map.Entry::getValue).filter(s -> !s.isBlank()).toList());
            int line = lineOf(config, oidText);
            out.add(new RejectedLine(line, oidText, config.line(line), reason));
        }
        return out;
    }

    private static int lineOf(GeneratedConfig config, String reported) {
        String t = reported.strip();
        int cut = 0;
        while (cut < t.length() && !Character.isWhitespace(t.charAt(cut)) && t.charAt(cut) != '=') {
            cut++;
        }
        try {
            return config.lineOf(new OidNames(MibRegistry.standard()).parse(t.substring(0, cut), config.tree()));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    static String text(Variable v) {
        if (v instanceof OctetString s) {
            return s.isPrintable() ? new String(s.getValue(), java.nio.charset.StandardCharsets.UTF_8) : s.toHexString();
        }
        return v.toString();
    }
}
