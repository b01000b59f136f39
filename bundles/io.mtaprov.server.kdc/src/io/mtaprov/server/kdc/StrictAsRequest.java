package io.mtaprov.server.kdc;

import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.KdcContext;
import org.apache.kerby.kerberos.kerb.server.request.AsRequest;
import org.apache.kerby.kerberos.kerb.type.kdc.AsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.AsReq;
import org.apache.kerby.kerberos.kerb.type.pa.PaData;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;

/**
 * Kerby's AS exchange with its pre-authentication replaced: {@link #preauth()} always asks
 * {@link StrictPreauthHandler}, which requires pre-authentication whatever the padata (Kerby's own
 * version skipped padata it did not know and still counted the request as pre-authenticated), and
 * the reply carries the PA-PK-AS-REP the handler built. One instance per request, one thread.
 */
final class StrictAsRequest extends AsRequest {
    private final byte[] raw;
    private final AsReqDer der;
    /** What happened, for the trace; filled by the handler. */
    final AsAudit audit = new AsAudit();
    private PaDataEntry replyPadata;

    StrictAsRequest(AsReq asReq, KdcContext context, byte[] raw, AsReqDer der) {
        super(asReq, context);
        this.raw = raw;
        this.der = der;
    }

    byte[] raw() {
        return raw;
    }

    AsReqDer der() {
        return der;
    }

    void setReplyPadata(PaDataEntry entry) {
        this.replyPadata = entry;
    }

    @Override
    protected boolean isPreauthRequired() {
        return true;
    }

    @Override
    protected void preauth() throws KrbException {
        if (getClientEntry() == null) {
            checkClient(); // Kerby's token path calls preauth first
        }
        ((StrictPreauthHandler) getPreauthHandler()).verifyAs(this);
        setPreAuthenticated(true);
    }

    @Override
    protected void makeReply() throws KrbException {
        super.makeReply();
        AsRep rep = (AsRep) getReply();
        PaData padata = new PaData();
        if (replyPadata != null) {
            padata.add(replyPadata);
        }
        rep.setPaData(padata.isEmpty() ? null : padata);
    }

    /** The outcome of pre-authentication, for the trace. Never holds key material. */
    static final class AsAudit {
        String method = "none";
        String mac = "";
        String detail = "";
    }
}
