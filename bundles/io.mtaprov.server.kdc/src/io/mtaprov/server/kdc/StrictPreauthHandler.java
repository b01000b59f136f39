package io.mtaprov.server.kdc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.request.KrbIdentity;
import org.apache.kerby.kerberos.kerb.server.KdcContext;
import org.apache.kerby.kerberos.kerb.server.KdcRecoverableException;
import org.apache.kerby.kerberos.kerb.server.preauth.PreauthContext;
import org.apache.kerby.kerberos.kerb.server.preauth.PreauthHandler;
import org.apache.kerby.kerberos.kerb.server.request.KdcRequest;
import org.apache.kerby.kerberos.kerb.server.request.TgsRequest;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2Entry;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.MethodData;
import org.apache.kerby.kerberos.kerb.type.pa.PaData;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.pa.PaEncTsEnc;

/**
 * Our pre-authentication, installed in Kerby's {@link KdcContext} in place of its hard-coded plugin
 * list. AS: pre-authentication is always required; PA-PK-AS-REQ (16) is verified by
 * {@link PkinitRsa} for MTA principals, PA-ENC-TIMESTAMP (2) for password principals; a request with
 * no padata, or only padata we do not verify (e.g. MIT's 149/150, draft PKINIT 14, tokens), gets
 * PREAUTH_REQUIRED offering padata 16 (and 2 + ETYPE-INFO2 to password principals); a failed
 * verification gets its error code and reason; nothing else counts as pre-authenticated. TGS: only
 * PA-TGS-REQ, verified by Kerby's authenticator check. Thread-safe.
 */
final class StrictPreauthHandler extends PreauthHandler {
    private final KdcPrincipals principals;
    private final PkinitRsa pkinit;
    private final Duration skew;
    private final Clock clock;
    private volatile MtaFqdnClient mtaFqdn;

    StrictPreauthHandler(KdcPrincipals principals, PkinitRsa pkinit, Duration skew, Clock clock) {
        this.principals = principals;
        this.pkinit = pkinit;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public void init() {
        // no plugins: Kerby's EncTs/PKINIT/Token plugins are replaced by this class
    }

    @Override
    public PreauthContext preparePreauthContext(KdcRequest request) {
        PreauthContext c = new PreauthContext();
        c.setPreauthRequired(true);
        return c;
    }

    @Override
    public void verify(KdcRequest request, PaData padata) throws KrbException {
        if (request instanceof StrictAsRequest as) {
            verifyAs(as);
        } else if (request instanceof TgsRequest tgs) {
            PaDataEntry ap = padata == null ? null : padata.findEntry(PaDataType.TGS_REQ);
            if (ap == null) {
                throw new KrbException(KrbErrorCode.KDC_ERR_PADATA_TYPE_NOSUPP, "TGS-REQ without PA-TGS-REQ");
            }
            tgs.verifyAuthenticator(ap);
        } else {
            throw new KrbException(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "unexpected request type");
        }
    }

    @Override
    public void provideEdata(KdcRequest request, PaData outPaData) {
        // METHOD-DATA is built in preauthRequired()
    }

    @Override
    public void providePaData(KdcRequest request, PaData outPaData) {
        // PA-PK-AS-REP is added by StrictAsRequest
    }

    void verifyAs(StrictAsRequest r) throws KrbException {
        String client = r.getClientEntry().getPrincipalName();
        KdcPrincipals.Kind kind = principals.kind(client).orElseThrow(() -> new KrbException(
                KrbErrorCode.KDC_ERR_C_PRINCIPAL_UNKNOWN, "no principal " + client));
        PaData padata = r.getKdcReq().getPaData();
        PaDataEntry pk = padata == null ? null : padata.findEntry(PaDataType.PK_AS_REQ);
        PaDataEntry ts = padata == null ? null : padata.findEntry(PaDataType.ENC_TIMESTAMP);
        if (pk != null) {
            r.audit.method = "PKINIT (RSA)";
            PkinitRsa.Verified v;
            String fqdnNote = "";
            if (kind instanceof KdcPrincipals.Pkinit mta) {
                r.audit.mac = mta.mac().canonical();
                v = pkinit.verify(pk, r.der().reqBody(), r.getKdcReq().getReqBody().getNonce(), Optional.of(mta.mac()),
                        clock.instant());
            } else if (kind instanceof KdcPrincipals.ByFqdn byFqdn && mtaFqdn != null) {
                v = pkinit.verify(pk, r.der().reqBody(), r.getKdcReq().getReqBody().getNonce(), Optional.empty(),
                        clock.instant());
                r.audit.mac = v.mac().canonical();
                fqdnNote = "; " + checkFqdn(byFqdn, v);
            } else {
                throw new KrbException(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, client + " is not an MTA principal: "
                        + "PKINIT is accepted for MTA principals only");
            }
            PkinitRsa.Reply reply = pkinit.reply(v.device(), r.getEncryptionType(), r.raw());
            r.setClientKey(reply.replyKey());
            r.setReplyPadata(reply.paPkAsRep());
            r.audit.detail = v.chain() + fqdnNote;
            return;
        }
        if (ts != null) {
            r.audit.method = "encrypted timestamp";
            if (!(kind instanceof KdcPrincipals.Password)) {
                throw new KrbException(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "encrypted timestamp refused: " + client
                        + (kind instanceof KdcPrincipals.Pkinit ? " authenticates with PKINIT only" : " is a service"));
            }
            verifyTimestamp(r, ts);
            r.audit.detail = "encrypted timestamp verified";
            return;
        }
        List<Integer> types = r.der().padataTypes();
        String why = types.isEmpty() ? "no pre-authentication data"
                : "no pre-authentication this KDC verifies (padata " + types + (types.contains(14)
                        ? "; draft-era PKINIT 14 is not supported, RFC 4556 padata 16 is" : "") + ")";
        r.audit.method = types.isEmpty() ? "none" : "unsupported " + types;
        throw preauthRequired(r, kind, why);
    }

    /**
     * The MTA FQDN request (PKT-SP-SEC "MTA FQDN") for the certificate's MAC: the provisioning
     * server's FQDN for that MAC must be the principal's instance, else the certificate belongs to
     * another MTA (wrong MAC).
     */
    private String checkFqdn(KdcPrincipals.ByFqdn p, PkinitRsa.Verified v) throws KrbException {
        byte[] keyHash;
        try {
            keyHash = java.security.MessageDigest.getInstance("SHA-1").digest(v.device().getPublicKey().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new KrbException("SHA-1 is not available", e);
        }
        MtaFqdnClient.Resolved r = mtaFqdn.resolve(v.mac(), keyHash);
        if (!r.fqdn().equalsIgnoreCase(p.fqdn())) {
            throw new KrbException(KrbErrorCode.KDC_ERR_CLIENT_NAME_MISMATCH, "wrong MAC: the device certificate's MAC "
                    + v.mac().canonical() + " belongs to " + r.fqdn() + " (MTA FQDN reply from " + mtaFqdn.server()
                    + "), not to " + p.fqdn());
        }
        return "MTA FQDN: " + v.mac().canonical() + " is " + r.fqdn() + " (" + r.address().getHostAddress() + ")";
    }

    /** Sets the MTA FQDN client that resolves {@code mta/<fqdn>} principals (null: none). */
    void useMtaFqdn(MtaFqdnClient client) {
        this.mtaFqdn = client;
        principals.acceptFqdnPrincipals(client != null);
    }

    private void verifyTimestamp(StrictAsRequest r, PaDataEntry ts) throws KrbException {
        EncryptedData ed;
        try {
            ed = KrbCodec.decode(ts.getPaDataValue(), EncryptedData.class);
        } catch (KrbException | RuntimeException e) {
            throw new KrbException(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "PA-ENC-TIMESTAMP cannot be decoded");
        }
        KrbIdentity entry = r.getClientEntry();
        EncryptionKey key = entry.getKey(ed.getEType());
        if (key == null) {
            throw new KrbException(KrbErrorCode.KDC_ERR_ETYPE_NOSUPP, "PA-ENC-TIMESTAMP in " + ed.getEType()
                    + ", for which the principal has no key");
        }
        PaEncTsEnc stamp;
        try {
            stamp = EncryptionUtil.unseal(ed, key, KeyUsage.AS_REQ_PA_ENC_TS, PaEncTsEnc.class);
        } catch (KrbException e) {
            throw new KrbException(KrbErrorCode.KDC_ERR_PREAUTH_FAILED,
                    "PA-ENC-TIMESTAMP does not decrypt with the principal's key (wrong password)");
        }
        long diff = Math.abs(stamp.getAllTime().getTime() - clock.millis());
        if (diff > skew.toMillis()) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_SKEW, "timestamp is " + diff / 1000
                    + " s from the KDC's clock (allowed " + skew.toSeconds() + " s)");
        }
        r.setClientKey(key);
    }

    /** KDC_ERR_PREAUTH_REQUIRED with METHOD-DATA offering what the principal may use. */
    private KdcRecoverableException preauthRequired(StrictAsRequest r, KdcPrincipals.Kind kind, String why)
            throws KrbException {
        MethodData methods = new MethodData();
        if (kind instanceof KdcPrincipals.Password) {
            methods.add(new PaDataEntry(PaDataType.ENC_TIMESTAMP, new byte[0]));
            EtypeInfo2 info = new EtypeInfo2();
            Map<EncryptionType, EncryptionKey> keys = r.getClientEntry().getKeys();
            for (EncryptionType et : r.getKdcReq().getReqBody().getEtypes()) {
                if (keys.containsKey(et)) {
                    EtypeInfo2Entry e = new EtypeInfo2Entry();
                    e.setEtype(et);
                    info.add(e);
                }
            }
            methods.add(new PaDataEntry(PaDataType.ETYPE_INFO2, KrbCodec.encode(info)));
        }
        methods.add(new PaDataEntry(PaDataType.PK_AS_REQ, new byte[0]));
        KrbError error = new KrbError();
        error.setErrorCode(KrbErrorCode.KDC_ERR_PREAUTH_REQUIRED);
        error.setEtext(why);
        error.setEdata(KrbCodec.encode(methods));
        r.audit.detail = why + "; offered padata " + methods.getElements().stream()
                .map(e -> Integer.toString(e.getPaDataType().getValue())).collect(Collectors.joining(", "));
        return new KdcRecoverableException(error);
    }
}
