package org.jingban.platform.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jingban.platform.identifiers.Divisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import reactor.core.publisher.Mono;

/**
 * The offices' signing keys and certificates (电子签章), and the certificates of offices elsewhere that the service
 * trusts. Signs documents and verifies seals. One per service, auto-configured from {@link SigningProperties}
 * ({@code jingban.signing.*}); the office's name comes from {@link OfficeNames}.
 */
public class OfficeKeys {

    private static final Logger log = LoggerFactory.getLogger(OfficeKeys.class);

    /**
     * A generated office key (local mode only; production keys come from configuration, never from the store). Kept
     * in {@code office_keys} of the service's database; keys transfer-service stored before the platform module
     * existed (their {@code _class} names its former class) are read alike.
     */
    @Document("office_keys")
    public record StoredKey(@Id String regionCode, String officeName, String privateKeyPem, String certificatePem,
                            Instant createdAt) {
    }

    /** An office key ready to sign. */
    public record OfficeKey(String regionCode, String officeName, PrivateKey privateKey, X509Certificate certificate) {
        public String serial() {
            return certificate.getSerialNumber().toString(16);
        }
    }

    private final SigningProperties properties;
    private final ReactiveMongoTemplate mongo;
    private final OfficeNames names;
    private final Clock clock;
    private final Map<String, OfficeKey> keys = new ConcurrentHashMap<>();
    private final Map<String, X509Certificate> trusted = new ConcurrentHashMap<>();

    public OfficeKeys(SigningProperties properties, ReactiveMongoTemplate mongo, OfficeNames names, Clock clock) {
        this.properties = properties;
        this.mongo = mongo;
        this.names = names;
        this.clock = clock;
        properties.getOffices().forEach((region, office) -> keys.put(region, configured(region, office)));
        loadTrusted(properties.getTrustedCertificates());
    }

    /** A configured office key; a key that does not belong to its certificate stops the start, not the first seal. */
    private OfficeKey configured(String region, SigningProperties.Office office) {
        if (office.getPrivateKey() == null || office.getCertificate() == null) {
            throw new IllegalStateException(SigningProperties.PREFIX + ".offices." + region
                    + " needs both private-key and certificate (PEM)");
        }
        OfficeKey key = new OfficeKey(region, names.name(region), Sm2.privateKeyFromPem(office.getPrivateKey()),
                Sm2.certificateFromPem(office.getCertificate()));
        byte[] probe = ("jingban signing key check " + region).getBytes(StandardCharsets.UTF_8);
        if (!Sm2.verify(key.certificate().getPublicKey(), probe, Sm2.sign(key.privateKey(), probe))) {
            throw new IllegalStateException(SigningProperties.PREFIX + ".offices." + region
                    + ": the private key does not belong to the certificate");
        }
        return key;
    }

    private void loadTrusted(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return;
        }
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String file = resource.getFilename();
                if (file == null || !file.matches("\\d{6}\\.pem")) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    trusted.put(file.substring(0, 6), Sm2.certificateFromPem(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read trusted certificates " + pattern, e);
        }
        log.info("trusted office certificates of other provinces: {}", trusted.keySet());
    }

    /** The key of the office of a region the service signs for (generated on first use in local mode). */
    public Mono<OfficeKey> key(String regionCode) {
        OfficeKey known = keys.get(regionCode);
        if (known != null) {
            return Mono.just(known);
        }
        // two requests generating at once: the first insert wins, the other's fails on _id and it reads the winner's
        return mongo.findById(regionCode, StoredKey.class)
                .switchIfEmpty(Mono.defer(() -> generate(regionCode)
                        .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(regionCode, StoredKey.class))))
                .map(stored -> keys.computeIfAbsent(regionCode, r -> new OfficeKey(r, stored.officeName(),
                        Sm2.privateKeyFromPem(stored.privateKeyPem()), Sm2.certificateFromPem(stored.certificatePem()))));
    }

    private Mono<StoredKey> generate(String regionCode) {
        if (!properties.isGenerateMissing()) {
            return Mono.error(new IllegalStateException("no signing key configured for office " + regionCode));
        }
        String name = names.name(regionCode);
        KeyPair pair = Sm2.generateKeyPair();
        X509Certificate certificate = Sm2.selfSignedCertificate(pair, name, regionCode, 10);
        StoredKey stored = new StoredKey(regionCode, name, Sm2.privateKeyToPem(pair.getPrivate()), Sm2.toPem(certificate),
                clock.instant());
        log.info("generated SM2 signing key for office {} ({}), local mode", regionCode, name);
        return mongo.insert(stored);
    }

    /** The certificate of any office whose seal the service can check: trusted ones, then its own offices'. */
    public Mono<Optional<X509Certificate>> certificate(String regionCode) {
        if (regionCode == null) {
            return Mono.just(Optional.empty());
        }
        X509Certificate external = trusted.get(regionCode);
        if (external != null) {
            return Mono.just(Optional.of(external));
        }
        OfficeKey known = keys.get(regionCode);
        if (known != null) {
            return Mono.just(Optional.of(known.certificate()));
        }
        return mongo.findById(regionCode, StoredKey.class)
                .map(s -> Optional.of(Sm2.certificateFromPem(s.certificatePem())))
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * The certificate (PEM) a service publishes for offline checks of an office's seals: a trusted office's, else the
     * office's own — in local mode generated for any known 医保区划 that has none yet, so that the certificate a holder
     * fetches before the office's first seal is the one that seal will check against. Empty for anything else
     * (an unknown code, or a missing key when keys are not generated): the endpoint's 404.
     */
    public Mono<Optional<String>> publishedCertificate(String regionCode) {
        return certificate(regionCode).flatMap(c -> {
            if (c.isPresent()) {
                return Mono.just(Optional.of(Sm2.toPem(c.get())));
            }
            if (properties.isGenerateMissing() && signsFor(regionCode) && Divisions.isKnownRegionCode(regionCode)) {
                return key(regionCode).map(k -> Optional.of(Sm2.toPem(k.certificate())));
            }
            return Mono.just(Optional.<String>empty());
        });
    }

    /** Whether the service signs for the region (it does for any region but those whose certificate it trusts). */
    public boolean signsFor(String regionCode) {
        return !trusted.containsKey(regionCode);
    }

    /** Seals the content as the office of the region. */
    public Mono<ElectronicSeal> seal(String regionCode, Map<String, Object> content) {
        return key(regionCode).map(k -> new ElectronicSeal(Sm2.ALGORITHM, regionCode, k.officeName(), k.serial(),
                clock.instant(), Base64.getEncoder().encodeToString(Sm2.sign(k.privateKey(), CanonicalJson.bytes(content)))));
    }

    /** Whether the seal is the named office's signature over exactly this content, with a valid certificate. */
    public Mono<Boolean> verify(Map<String, Object> content, ElectronicSeal seal) {
        if (seal == null || seal.regionCode() == null) {
            return Mono.just(false);
        }
        return certificate(seal.regionCode()).map(c -> c.isPresent() && anchored(c.get())
                && OfflineVerifier.verify(content, seal, Sm2.toPem(c.get())));
    }

    /**
     * The certificates here are trust anchors by configuration (the office's own, the national platform's files) or
     * generated by this class: within their validity, and a self-issued one must carry its own valid signature. A
     * CA-issued production certificate (issuer ≠ subject) is not checked against its CA: no CA is configured.
     */
    private static boolean anchored(X509Certificate certificate) {
        if (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return Sm2.issuedBy(certificate, certificate);
        }
        try {
            certificate.checkValidity();
            return true;
        } catch (java.security.cert.CertificateException e) {
            return false;
        }
    }
}
