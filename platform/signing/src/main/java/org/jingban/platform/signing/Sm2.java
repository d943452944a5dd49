package org.jingban.platform.signing;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 signatures with SM3 (GB/T 32918, GM/T 0009 default user id) and the office certificates, through
 * BouncyCastle's provider only. No Spring here: an offline verifier uses this class with nothing but a PEM
 * certificate.
 */
public final class Sm2 {

    public static final String ALGORITHM = "SM3withSM2";
    private static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private Sm2() {
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation failed", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, PROVIDER);
            signature.initSign(key, RANDOM);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** False for a wrong key, altered content or a malformed signature; never throws for bad input. */
    public static boolean verify(PublicKey key, byte[] content, byte[] signatureValue) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, PROVIDER);
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(signatureValue);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** A self-signed SM2 certificate for an office (local mode: no CA; production configures the CA-issued one). */
    public static X509Certificate selfSignedCertificate(KeyPair keys, String officeName, String regionCode, int validYears) {
        try {
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "医疗保障经办机构")
                    .addRDN(BCStyle.OU, regionCode).addRDN(BCStyle.CN, officeName).build();
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, RANDOM).abs().add(BigInteger.ONE)));
            tbs.setSignature(algorithm);
            tbs.setIssuer(name);
            tbs.setSubject(name);
            tbs.setStartDate(new Time(Date.from(now.minus(1, ChronoUnit.DAYS))));
            tbs.setEndDate(new Time(Date.from(now.plus(365L * validYears, ChronoUnit.DAYS))));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            TBSCertificate body = tbs.generateTBSCertificate();
            byte[] signature = sign(keys.getPrivate(), body.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector parts = new ASN1EncodableVector();
            parts.add(body);
            parts.add(algorithm);
            parts.add(new DERBitString(signature));
            Certificate certificate = Certificate.getInstance(new DERSequence(parts));
            return parseCertificate(certificate.getEncoded(ASN1Encoding.DER));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("certificate encoding failed", e);
        }
    }

    public static X509Certificate parseCertificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", PROVIDER)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    public static X509Certificate certificateFromPem(String pem) {
        return parseCertificate(fromPem(pem, "CERTIFICATE"));
    }

    public static String toPem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String privateKeyToPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(fromPem(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 SM2 private key", e);
        }
    }

    /** Checks that a certificate was signed by the key of {@code issuer} (itself for a self-signed one). */
    public static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey(), PROVIDER);
            certificate.checkValidity();
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] fromPem(String pem, String label) {
        String body = pem.replace("-----BEGIN " + label + "-----", "").replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
