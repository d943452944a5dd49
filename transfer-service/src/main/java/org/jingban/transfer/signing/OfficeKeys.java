package org.jingban.transfer.signing;

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

import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.transfer.Offices;
import org.jingban.transfer.api.ElectronicSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The offices' signing keys and certificates (电子签章), and the certificates of offices elsewhere that this service
 * trusts. Signs documents and verifies seals.
 */
@Service
public class OfficeKeys {

    private static final Logger log = LoggerFactory.getLogger(OfficeKeys.class);

    /** A generated office key (local mode only; production keys come from configuration, never from the store). */
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
    private final Offices offices;
    private final Clock clock;
    private final Map<String, OfficeKey> keys = new ConcurrentHashMap<>();
    private final Map<String, X509Certificate> trusted = new ConcurrentHashMap<>();

    public OfficeKeys(SigningProperties properties, ReactiveMongoTemplate mongo, Offices offices, Clock clock) {
        this.properties = properties;
        this.mongo = mongo;
        this.offices = offices;
        this.clock = clock;
        properties.getOffices().forEach((region, office) -> keys.put(region, new OfficeKey(region,
                offices.of(region).name(), Sm2.privateKeyFromPem(office.getPrivateKey()),
                Sm2.certificateFromPem(office.getCertificate()))));
        loadTrusted(properties.getTrustedCertificates());
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

    /** The key of the office of a region this service signs for. */
    public Mono<OfficeKey> key(String regionCode) {
        OfficeKey known = keys.get(regionCode);
        if (known != null) {
            return Mono.just(known);
        }
        // two requests generating at once: the first insert wins, the other's fails on _id and it reads the winner's
        return Mono.defer(() -> mongo.findById(regionCode, StoredKey.class)
                        .switchIfEmpty(Mono.defer(() -> generate(regionCode))))
                .retryWhen(WriteConflicts.retry())
                .map(stored -> keys.computeIfAbsent(regionCode, r -> new OfficeKey(r, stored.officeName(),
                        Sm2.privateKeyFromPem(stored.privateKeyPem()), Sm2.certificateFromPem(stored.certificatePem()))));
    }

    private Mono<StoredKey> generate(String regionCode) {
        if (!properties.isGenerateMissing()) {
            return Mono.error(new IllegalStateException("no signing key configured for office " + regionCode));
        }
        String name = offices.of(regionCode).name();
        KeyPair pair = Sm2.generateKeyPair();
        X509Certificate certificate = Sm2.selfSignedCertificate(pair, name, regionCode, 10);
        StoredKey stored = new StoredKey(regionCode, name, Sm2.privateKeyToPem(pair.getPrivate()), Sm2.toPem(certificate),
                clock.instant());
        log.info("generated SM2 signing key for office {} ({}), local mode", regionCode, name);
        return mongo.insert(stored);
    }

    /** The certificate of any office whose seal this service can check: its own offices, then trusted ones. */
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
        return certificate(seal.regionCode()).map(c -> c.isPresent() && Sm2.issuedBy(c.get(), c.get())
                && OfflineVerifier.verify(content, seal, Sm2.toPem(c.get())));
    }
}
