package io.mtaprov.server.kdc;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.pki.Credential;
import io.mtaprov.pki.MtaChainValidator;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.km.DerShape;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.common.KrbUtil;
import org.apache.kerby.kerberos.kerb.identity.backend.BackendConfig;
import org.apache.kerby.kerberos.kerb.server.KdcConfig;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.KdcContext;
import org.apache.kerby.kerberos.kerb.server.KdcRecoverableException;
import org.apache.kerby.kerberos.kerb.server.KdcSetting;
import org.apache.kerby.kerberos.kerb.server.replay.ReplayCheckServiceImpl;
import org.apache.kerby.kerberos.kerb.server.request.KdcRequest;
import org.apache.kerby.kerberos.kerb.server.request.TgsRequest;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.KrbMessage;
import org.apache.kerby.kerberos.kerb.type.base.KrbMessageType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.kdc.AsReq;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcReq;
import org.apache.kerby.kerberos.kerb.type.kdc.TgsReq;

/**
 * The KDC's request processing, without sockets: Kerby's {@link KdcContext} with our identity
 * backend ({@link KdcPrincipals}) and {@link StrictPreauthHandler}, Kerby's AS/TGS ticket issuing,
 * our own KRB-ERROR building (realm and sname filled per RFC 4120 5.9.1, reason in e-text). Each
 * call returns the reply and what to trace. Thread-safe: requests share only the context.
 */
public final class KdcEngine {
    public static final List<EncryptionType> ETYPES = List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            EncryptionType.AES128_CTS_HMAC_SHA1_96);
    public static final Duration SKEW = Duration.ofMinutes(5);

    /** One exchange's result: the encoded reply (no TCP length prefix) and its trace fields. */
    public record Exchange(byte[] reply, String client, String mac, String summary, String detail, Outcome outcome) {
        @Override
        public String toString() {
            return summary + " (" + outcome + "): " + detail;
        }
    }

    private final KdcContext context;
    private final KdcPrincipals principals;
    private final StrictPreauthHandler preauth;

    public KdcEngine(String realm, Credential kdcCredential, MtaChainValidator mtaValidator, Clock clock)
            throws KrbException {
        KdcConfig config = new KdcConfig();
        config.setString(KdcConfigKey.KDC_REALM, realm);
        config.setString(KdcConfigKey.ENCRYPTION_TYPES, "aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96");
        config.setBoolean(KdcConfigKey.PREAUTH_REQUIRED, true);
        config.setBoolean(KdcConfigKey.ALLOW_TOKEN_PREAUTH, false);
        config.setLong(KdcConfigKey.ALLOWABLE_CLOCKSKEW, SKEW.toSeconds());
        if (!realm.equals(config.getKdcRealm()) || !config.getEncryptionTypes().equals(ETYPES)) {
            throw new KrbException("Kerby did not take the KDC configuration (realm " + config.getKdcRealm() + ")");
        }
        principals = new KdcPrincipals(realm, ETYPES);
        context = new KdcContext(new KdcSetting(config, new BackendConfig()));
        context.setIdentityService(principals.backend());
        context.setReplayCache(new ReplayCheckServiceImpl());
        preauth = new StrictPreauthHandler(principals, new PkinitRsa(kdcCredential, mtaValidator, SKEW), SKEW, clock);
        context.setPreauthHandler(preauth);
    }

    /**
     * Resolves {@code mta/<fqdn>} principals that are not configured with a MAC through MTA FQDN
     * requests to the provisioning server at {@code server}, authenticated with its service keys.
     */
    public void useMtaFqdn(String mpsPrincipal, java.net.InetSocketAddress server, Duration timeout, int tries)
            throws KrbException {
        preauth.useMtaFqdn(new MtaFqdnClient(server, principals.serviceKeys(mpsPrincipal), "krbtgt/" + realm() + "@"
                + realm(), timeout, tries, SKEW));
    }

    public KdcPrincipals principals() {
        return principals;
    }

    public String realm() {
        return principals.realm();
    }

    /** Processes one KDC request (DER, without TCP length prefix). Never throws for bad input. */
    public Exchange handle(byte[] request, boolean tcp, InetAddress peer) {
        KrbMessage msg;
        try {
            DerShape.check(request); // before Kerby, which allocates whatever a length claims
        } catch (DecodeException e) {
            return error(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, null, null, "", "", "malformed request",
                    "not a DER-encoded Kerberos message: " + e.getMessage(), Outcome.REJECTED);
        }
        try {
            msg = KrbCodec.decodeMessage(ByteBuffer.wrap(request));
        } catch (IOException | RuntimeException e) {
            return error(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, null, null, "", "", "undecodable request",
                    "not a Kerberos message: " + e.getMessage(), Outcome.REJECTED);
        }
        if (msg.getMsgType() != KrbMessageType.AS_REQ && msg.getMsgType() != KrbMessageType.TGS_REQ) {
            return error(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, null, null, "", "", "unexpected " + msg.getMsgType(),
                    "a KDC answers AS-REQ and TGS-REQ only", Outcome.REJECTED);
        }
        KdcReq req = (KdcReq) msg;
        if (req.getReqBody() == null) {
            return error(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, null, null, "", "", "malformed request",
                    "a KDC-REQ without req-body (RFC 4120 section 5.4.1)", Outcome.REJECTED);
        }
        try {
            return handle(req, request, tcp, peer);
        } catch (RuntimeException e) { // a field Kerby decoded but cannot use; never kill the request thread
            return error(KrbErrorCode.KRB_ERR_GENERIC, null, null, "", "", "malformed request",
                    "request refused: " + e, Outcome.REJECTED);
        }
    }

    private Exchange handle(KdcReq req, byte[] request, boolean tcp, InetAddress peer) {
        boolean as = req.getMsgType() == KrbMessageType.AS_REQ;
        String kind = as ? "AS-REQ" : "TGS-REQ";
        PrincipalName cname = req.getReqBody().getCname();
        PrincipalName sname = req.getReqBody().getSname();
        String client = cname == null ? "" : cname.getName() + "@" + req.getReqBody().getRealm();
        String service = sname == null ? "" : sname.getName();
        if (!principals.realm().equals(req.getReqBody().getRealm())) {
            return error(KrbErrorCode.WRONG_REALM, cname, sname, client, "", kind + " for realm "
                    + req.getReqBody().getRealm(), "this KDC serves realm " + principals.realm(), Outcome.REJECTED);
        }
        KdcRequest kdcRequest;
        StrictAsRequest asRequest = null;
        try {
            if (as) {
                asRequest = new StrictAsRequest((AsReq) req, context, request, AsReqDer.parse(request));
                kdcRequest = asRequest;
            } else {
                kdcRequest = new TgsRequest((TgsReq) req, context);
            }
        } catch (RuntimeException e) {
            return error(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, cname, sname, client, "", kind + " malformed",
                    e.getMessage(), Outcome.REJECTED);
        }
        kdcRequest.setClientAddress(peer);
        kdcRequest.isTcp(tcp);
        kdcRequest.setReqPackage(ByteBuffer.wrap(request));
        String head = kind + " " + client + " for " + service;
        String mac = asRequest == null ? "" : asRequest.audit.mac;
        try {
            kdcRequest.process();
            if (kdcRequest instanceof TgsRequest tgs && tgs.getTgtTicket() != null
                    && tgs.getTgtTicket().getEncPart() != null) { // TGS: the client is in the TGT
                String who = principals.qualify(tgs.getTgtTicket().getEncPart().getCname().getName());
                head = kind + " " + who + " for " + service;
                client = who;
            }
            mac = asRequest != null ? asRequest.audit.mac : principals.kind(client)
                    .filter(k -> k instanceof KdcPrincipals.Pkinit).map(k -> ((KdcPrincipals.Pkinit) k).mac().canonical())
                    .orElse("");
            String detail = asRequest == null ? "ticket for " + service
                    : "pre-authenticated by " + asRequest.audit.method + ": " + asRequest.audit.detail;
            return new Exchange(KrbCodec.encode(kdcRequest.getReply()), client, mac,
                    head + ": " + (as ? "AS-REP, TGT issued" : "TGS-REP"), detail, Outcome.OK);
        } catch (KdcRecoverableException e) {
            KrbError err = e.getKrbError();
            mac = asRequest == null ? "" : asRequest.audit.mac;
            String detail = asRequest == null ? err.getEtext() : asRequest.audit.detail;
            return error(err.getErrorCode(), cname, sname, client, mac, head + ": " + err.getErrorCode(), detail,
                    Outcome.INFO, err.getEtext(), err.getEdata());
        } catch (KrbException | RuntimeException e) {
            KrbErrorCode code = e instanceof KrbException k && k.getKrbErrorCode() != null ? k.getKrbErrorCode()
                    : KrbErrorCode.KDC_ERR_PREAUTH_FAILED;
            String reason = e.getMessage() == null ? code.getMessage() : e.getMessage();
            mac = asRequest == null ? "" : asRequest.audit.mac;
            String method = asRequest == null ? "" : " (" + asRequest.audit.method + ")";
            return error(code, cname, sname, client, mac, head + ": refused, " + code + method, reason,
                    Outcome.REJECTED);
        }
    }

    private Exchange error(KrbErrorCode code, PrincipalName cname, PrincipalName sname, String client, String mac,
            String summary, String detail, Outcome outcome) {
        return error(code, cname, sname, client, mac, summary, detail, outcome, detail, null);
    }

    private Exchange error(KrbErrorCode code, PrincipalName cname, PrincipalName sname, String client, String mac,
            String summary, String detail, Outcome outcome, String etext, byte[] edata) {
        KrbError err = new KrbError();
        long now = System.currentTimeMillis();
        err.setStime(new KerberosTime(now / 1000 * 1000));
        err.setSusec((int) (now % 1000) * 1000);
        err.setErrorCode(code);
        err.setRealm(principals.realm());
        err.setSname(sname != null ? sname : KrbUtil.makeTgsPrincipal(principals.realm()));
        if (cname != null) {
            err.setCrealm(principals.realm());
            err.setCname(cname);
        }
        if (etext != null && !etext.isEmpty()) {
            err.setEtext(KerberosText.printable(etext, 200));
        }
        if (edata != null) {
            err.setEdata(edata);
        }
        try {
            return new Exchange(KrbCodec.encode(err), client, mac, summary, detail, outcome);
        } catch (RuntimeException e) { // a client's name Kerby cannot encode back: answer without echoing it
            if (cname != null || sname != null) {
                return error(code, null, null, client, mac, summary, detail, outcome, etext, edata);
            }
            return new Exchange(new byte[0], client, mac, summary, detail + "; KRB-ERROR not encodable: "
                    + e.getMessage(), Outcome.FAILED);
        } catch (KrbException e) {
            return new Exchange(new byte[0], client, mac, summary, detail + "; KRB-ERROR not encodable: "
                    + e.getMessage(), Outcome.FAILED);
        }
    }
}
