package io.mtaprov.pki;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * PKINIT object identifiers (RFC 4556) and the id-pkinit-san otherName that carries a Kerberos
 * principal in a certificate: {@code KRB5PrincipalName ::= SEQUENCE { realm [0] Realm,
 * principalName [1] PrincipalName }} (RFC 4556 3.2.2; explicit tags as in RFC 4120's module).
 */
public final class PkinitNames {
    /** id-pkinit-san, the otherName type of a KRB5PrincipalName SAN. */
    public static final String ID_PKINIT_SAN = "1.3.6.1.5.2.2";
    /** id-pkinit-authData, eContentType of the client's signed AuthPack. */
    public static final String ID_PKINIT_AUTH_DATA = "1.3.6.1.5.2.3.1";
    /** id-pkinit-rkeyData, eContentType of the KDC's signed ReplyKeyPack. */
    public static final String ID_PKINIT_RKEY_DATA = "1.3.6.1.5.2.3.3";
    /** id-pkinit-KPClientAuth extended key usage. */
    public static final String ID_PKINIT_KP_CLIENT_AUTH = "1.3.6.1.5.2.3.4";
    /** id-pkinit-KPKdc extended key usage, which MIT's client requires of the KDC certificate. */
    public static final String ID_PKINIT_KP_KDC = "1.3.6.1.5.2.3.5";
    /** NT-SRV-INST, the name type of krbtgt/REALM. */
    public static final int NT_SRV_INST = 2;
    public static final int NT_PRINCIPAL = 1;

    private PkinitNames() {
    }

    /** A SAN entry naming {@code components@realm}. */
    public static GeneralName principalSan(String realm, int nameType, List<String> components) {
        ASN1Encodable[] names = components.stream().map(DERGeneralString::new).toArray(ASN1Encodable[]::new);
        DERSequence principalName = new DERSequence(new ASN1Encodable[] {
                new DERTaggedObject(true, 0, new ASN1Integer(nameType)),
                new DERTaggedObject(true, 1, new DERSequence(names)) });
        DERSequence krb5PrincipalName = new DERSequence(new ASN1Encodable[] {
                new DERTaggedObject(true, 0, new DERGeneralString(realm)),
                new DERTaggedObject(true, 1, principalName) });
        return new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
                new ASN1ObjectIdentifier(ID_PKINIT_SAN), new DERTaggedObject(true, 0, krb5PrincipalName) }));
    }

    /** The principals ("a/b@REALM") in the certificate's id-pkinit-san entries. */
    public static List<String> principalsIn(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return out;
        }
        if (sans == null) {
            return out;
        }
        for (List<?> san : sans) {
            if (((Integer) san.get(0)) != GeneralName.otherName || !(san.get(1) instanceof byte[] der)) {
                continue;
            }
            try {
                ASN1Sequence other = ASN1Sequence.getInstance(otherNameSequence(der));
                if (!ID_PKINIT_SAN.equals(ASN1ObjectIdentifier.getInstance(other.getObjectAt(0)).getId())) {
                    continue;
                }
                ASN1Sequence kpn = ASN1Sequence.getInstance(explicit(other.getObjectAt(1)));
                String realm = ((ASN1String) explicit(kpn.getObjectAt(0))).getString();
                ASN1Sequence pn = ASN1Sequence.getInstance(explicit(kpn.getObjectAt(1)));
                ASN1Sequence strings = ASN1Sequence.getInstance(explicit(pn.getObjectAt(1)));
                List<String> parts = new ArrayList<>();
                for (ASN1Encodable s : strings) {
                    parts.add(((ASN1String) s).getString());
                }
                out.add(String.join("/", parts) + "@" + realm);
            } catch (IOException | RuntimeException e) {
                // a SAN we cannot read names no principal
            }
        }
        return out;
    }

    private static ASN1Primitive otherNameSequence(byte[] der) throws IOException {
        ASN1Primitive p = ASN1Primitive.fromByteArray(der);
        // the JDK hands out the GeneralName: [0] IMPLICIT OtherName
        if (p instanceof ASN1TaggedObject t) {
            return ASN1Sequence.getInstance(t, false).toASN1Primitive();
        }
        return p;
    }

    private static ASN1Primitive explicit(ASN1Encodable e) {
        return ASN1TaggedObject.getInstance(e).getExplicitBaseObject().toASN1Primitive();
    }
}
