package io.mtaprov.server.dns;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import java.io.IOException;
import java.util.Arrays;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Turns one query in wire format into the authoritative response (RFC 1035 section 4, RFC 2308
 * negative answers, RFC 6891 EDNS0, RFC 7766 for TCP sizes). Stateless apart from the records it
 * reads, so any number of threads may call {@link #handle} at once.
 */
final class QueryHandler {
    /** RFC 1035 section 4.1.1: the fixed header. */
    static final int HEADER_LENGTH = 12;
    /** RFC 1035 section 2.3.4 and RFC 6891 section 6.2.5: UDP size without (or below) EDNS0. */
    static final int MIN_UDP_PAYLOAD = 512;
    /** The most we put in one UDP response, whatever the client offers. */
    static final int MAX_UDP_PAYLOAD = 4096;
    /** RFC 6891 section 6.2.5: the payload size we advertise (1232, the 2020 DNS flag day value). */
    static final int ADVERTISED_PAYLOAD = 1232;
    /** RFC 1035 section 4.2.2: a TCP message is limited by its two-byte length. */
    static final int MAX_TCP_MESSAGE = 65535;
    /** RFC 6891 section 6.1.3: extended RCODE BADVERS (16); the OPT carries its upper 8 bits. */
    static final int BADVERS = 16;
    private static final int QR = 0x8000, RD = 0x0100; // RFC 1035 section 4.1.1 header bits

    private final DnsZones zones;
    private final MtaRecords mtas;

    QueryHandler(DnsZones zones, MtaRecords mtas) {
        this.zones = zones;
        this.mtas = mtas;
    }

    /** Answers one message of exactly {@code length} bytes; {@code tcp} lifts the UDP size limit. */
    Response handle(byte[] packet, int length, boolean tcp) {
        if (length < HEADER_LENGTH) {
            return Response.dropped("shorter than a DNS header", length + " bytes, RFC 1035 4.1.1 needs 12");
        }
        int id = ((packet[0] & 0xff) << 8) | (packet[1] & 0xff);
        int flags = ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
        if ((flags & QR) != 0) {
            return Response.dropped("a response, not a query", "QR bit set, id " + id);
        }
        int opcode = (flags >> 11) & 0xF;
        boolean rd = (flags & RD) != 0;
        if (opcode != Opcode.QUERY) {
            return rejected(headerOnly(id, opcode, rd, Rcode.NOTIMP), "NOTIMP opcode " + Opcode.string(opcode),
                    "only QUERY is implemented (RFC 1035 4.1.1)", ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        }
        Message query;
        try {
            query = new Message(length == packet.length ? packet : Arrays.copyOf(packet, length));
        } catch (IOException | RuntimeException e) {
            return rejected(headerOnly(id, opcode, rd, Rcode.FORMERR), "FORMERR malformed query",
                    String.valueOf(e.getMessage()), ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        }
        Header qh = query.getHeader();
        if (qh.getCount(Section.QUESTION) != 1) {
            return rejected(headerOnly(id, opcode, rd, Rcode.FORMERR), "FORMERR " + qh.getCount(Section.QUESTION)
                    + " questions", "a query carries exactly one question", ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        }
        OPTRecord opt = query.getOPT();
        if (opt != null && qh.getCount(Section.ADDITIONAL) > 1 && optCount(query) > 1) {
            return rejected(headerOnly(id, opcode, rd, Rcode.FORMERR), "FORMERR more than one OPT",
                    "RFC 6891 6.1.1", ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        }
        Record question = query.getQuestion();
        if (question == null) { // dnsjava stops parsing a message with TC set where it ends, counts unchanged
            return rejected(headerOnly(id, opcode, rd, Rcode.FORMERR), "FORMERR question missing",
                    "the header counts one question but the message ends before it", ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        }
        Message resp = new Message(id);
        Header rh = resp.getHeader();
        rh.setFlag(Flags.QR);
        if (rd) {
            rh.setFlag(Flags.RD);
        }
        resp.addRecord(question, Section.QUESTION);
        int maxLength = tcp ? MAX_TCP_MESSAGE
                : opt == null ? MIN_UDP_PAYLOAD
                : Math.max(MIN_UDP_PAYLOAD, Math.min(opt.getPayloadSize(), MAX_UDP_PAYLOAD));
        return answer(question, opt, resp, maxLength);
    }

    private Response answer(Record question, OPTRecord opt, Message resp, int maxLength) {
        Name qname = question.getName();
        int qtype = question.getType();
        String q = qname + " " + Type.string(qtype);
        ProvisioningStep step = zones.stepFor(qname);
        if (opt != null && opt.getVersion() > 0) {
            resp.addRecord(responseOpt(opt, BADVERS >> 4), Section.ADDITIONAL);
            return rejected(resp.toWire(maxLength), "BADVERS " + q, "EDNS version " + opt.getVersion()
                    + ", only 0 is supported (RFC 6891 6.1.3)", step);
        }
        if (opt != null) {
            resp.addRecord(responseOpt(opt, 0), Section.ADDITIONAL);
        }
        Header rh = resp.getHeader();
        int qclass = question.getDClass();
        String refusal = qclass != DClass.IN && qclass != DClass.ANY ? "class " + DClass.string(qclass) + " is not served"
                : qtype == Type.AXFR || qtype == Type.IXFR ? "zone transfers are not offered"
                : zones.apexOf(qname) == null ? "not in a zone this server is authoritative for" : null;
        if (refusal != null) {
            rh.setRcode(Rcode.REFUSED);
            return rejected(resp.toWire(maxLength), "REFUSED " + q, refusal, step);
        }
        if (qtype == Type.OPT) {
            rh.setRcode(Rcode.FORMERR);
            return rejected(resp.toWire(maxLength), "FORMERR " + q, "OPT is not a question type (RFC 6891 6.1.1)", step);
        }
        if (!Type.isRR(qtype) && qtype != Type.ANY) {
            rh.setRcode(Rcode.NOTIMP);
            return rejected(resp.toWire(maxLength), "NOTIMP " + q, "meta query type not implemented", step);
        }
        rh.setFlag(Flags.AA);
        Name apex = zones.apexOf(qname);
        Record[] answers = NameNode.NONE;
        boolean exists;
        NameNode node = zones.node(qname);
        if (node != null) {
            exists = true;
            answers = qtype == Type.ANY ? node.all() : node.get(qtype);
        } else {
            Record[] mta = mtas.lookup(qname);
            exists = mta != null || zones.isEmptyNonTerminal(qname) || mtas.isEmptyNonTerminal(qname);
            if (mta != null && (qtype == Type.A || qtype == Type.ANY)) {
                answers = mta;
            }
        }
        if (answers.length > 0) {
            for (Record r : answers) {
                resp.addRecord(r, Section.ANSWER);
            }
            addGlue(resp, answers);
        } else {
            rh.setRcode(exists ? Rcode.NOERROR : Rcode.NXDOMAIN);
            resp.addRecord(zones.negativeSoa(apex), Section.AUTHORITY);
        }
        byte[] wire = resp.toWire(maxLength);
        boolean truncated = (wire[2] & 0x02) != 0; // TC, RFC 1035 section 4.1.1
        String result = answers.length > 0 ? "NOERROR" : exists ? "NODATA" : "NXDOMAIN";
        Outcome outcome = answers.length > 0 ? Outcome.OK : exists ? Outcome.INFO : Outcome.WARNING;
        String detail = answers.length > 0 ? rdata(answers) : "SOA " + apex;
        if (truncated) {
            detail = "truncated (TC) to " + wire.length + " bytes; " + detail;
        }
        return new Response(wire, Response.Kind.ANSWERED, step, outcome, q + " " + result, detail);
    }

    /** Additional section: addresses of SRV and NS targets we know (RFC 2782 "Usage rules"). */
    private void addGlue(Message resp, Record[] answers) {
        for (Record r : answers) {
            Name target = r.getType() == Type.SRV || r.getType() == Type.NS ? r.getAdditionalName() : null;
            if (target == null) {
                continue;
            }
            NameNode node = zones.node(target);
            Record[] a = node != null ? node.get(Type.A) : mtas.lookup(target);
            if (a != null) {
                for (Record glue : a) {
                    if (!resp.findRecord(glue, Section.ADDITIONAL)) {
                        resp.addRecord(glue, Section.ADDITIONAL);
                    }
                }
            }
        }
    }

    private static OPTRecord responseOpt(OPTRecord query, int extendedRcode) {
        // RFC 6891 6.1.3; the DO bit is copied back (RFC 3225 section 3)
        return new OPTRecord(ADVERTISED_PAYLOAD, extendedRcode, 0, query.getFlags() & ExtendedFlags.DO);
    }

    private static int optCount(Message query) {
        int n = 0;
        for (Record r : query.getSection(Section.ADDITIONAL)) {
            n += r.getType() == Type.OPT ? 1 : 0;
        }
        return n;
    }

    private static String rdata(Record[] answers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < answers.length && i < 3; i++) {
            sb.append(i == 0 ? "" : ", ").append(answers[i].rdataToString());
        }
        return answers.length > 3 ? sb.append(" (+").append(answers.length - 3).append(')').toString() : sb.toString();
    }

    private static Response rejected(byte[] wire, String summary, String reason, ProvisioningStep step) {
        return new Response(wire, Response.Kind.REJECTED, step, Outcome.REJECTED, summary, reason);
    }

    /** A response of just the header (RFC 1035 4.1.1), for queries whose question cannot be used. */
    static byte[] headerOnly(int id, int opcode, boolean rd, int rcode) {
        int flags = QR | (opcode << 11) | (rd ? RD : 0) | rcode;
        return new byte[] {(byte) (id >> 8), (byte) id, (byte) (flags >> 8), (byte) flags, 0, 0, 0, 0, 0, 0, 0, 0};
    }
}
