package org.jingban.designation.document;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Office;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.transfer.api.ElectronicSeal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 电子签章 of this service's documents (表19–表23, the agreement): an SM3withSM2 signature of the office of the region
 * over the canonical JSON of the content (object keys sorted, no whitespace), in the {@link ElectronicSeal} shape of
 * transfer-service's 参保凭证. The key of an office is generated on first use and kept in {@code designation_seal_keys}
 * (local mode); its public key ({@link #publicKey}) lets anyone check a document. INTERIM: written against bcprov's SM2
 * without X.509 certificates; the seal belongs in the platform (see docs/adr/designation.md) so that both services
 * sign with one office key and certificate.
 */
@Component
public class OfficeSeal {

    public static final String ALGORITHM = "SM3withSM2";
    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());

    @Document("designation_seal_keys")
    record StoredKey(@Id String regionCode, String officeName, String privateKeyHex, String publicKeyHex,
                     Instant createdAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Catalog catalog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, StoredKey> keys = new ConcurrentHashMap<>();

    public OfficeSeal(ReactiveMongoTemplate mongo, Catalog catalog, Clock clock) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The office of a region as its documents name it. */
    public String officeName(String regionCode) {
        return catalog.office(regionCode).map(Office::name).orElse(regionCode + "医疗保障经办机构");
    }

    public String officePhone(String regionCode) {
        return catalog.office(regionCode).map(Office::consultPhone).orElse(null);
    }

    Mono<StoredKey> key(String regionCode) {
        StoredKey known = keys.get(regionCode);
        if (known != null) {
            return Mono.just(known);
        }
        // two first uses at once: the first insert wins, the other reads it
        return Mono.defer(() -> mongo.findById(regionCode, StoredKey.class).switchIfEmpty(Mono.defer(() -> {
                    ECKeyPairGenerator generator = new ECKeyPairGenerator();
                    generator.init(new ECKeyGenerationParameters(DOMAIN, random));
                    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
                    BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
                    byte[] q = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
                    return mongo.insert(new StoredKey(regionCode, officeName(regionCode), d.toString(16),
                            HexFormat.of().formatHex(q), clock.instant()));
                })))
                .retryWhen(WriteConflicts.retry())
                .doOnNext(k -> keys.put(regionCode, k));
    }

    /** Seals the content as the office of the region. */
    public Mono<ElectronicSeal> seal(String regionCode, Map<String, Object> content) {
        return key(regionCode).map(k -> {
            SM2Signer signer = new SM2Signer();
            signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(k.privateKeyHex(), 16),
                    DOMAIN), random));
            byte[] bytes = canonical(content);
            signer.update(bytes, 0, bytes.length);
            try {
                return new ElectronicSeal(ALGORITHM, regionCode, k.officeName(), keyId(k.publicKeyHex()), clock.instant(),
                        Base64.getEncoder().encodeToString(signer.generateSignature()));
            } catch (org.bouncycastle.crypto.CryptoException e) {
                throw new IllegalStateException("SM2 signing failed", e);
            }
        });
    }

    /** Whether the seal is the office's signature over exactly this content. */
    public static boolean verify(Map<String, Object> content, ElectronicSeal seal, String publicKeyHex) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(HexFormat.of().parseHex(publicKeyHex)),
                DOMAIN));
        byte[] bytes = canonical(content);
        signer.update(bytes, 0, bytes.length);
        return seal != null && ALGORITHM.equals(seal.algorithm()) && keyId(publicKeyHex).equals(seal.certificateSerial())
                && signer.verifySignature(Base64.getDecoder().decode(seal.value()));
    }

    /** The office's public key (uncompressed SM2 point, hex) and its id, to check seals offline. */
    public Mono<Map<String, String>> publicKey(String regionCode) {
        // only an office that has sealed something has a key: asking never makes one
        return Mono.justOrEmpty(keys.get(regionCode)).switchIfEmpty(mongo.findById(regionCode, StoredKey.class)).map(k -> Map.of("regionCode", regionCode, "officeName", k.officeName(), "algorithm",
                ALGORITHM, "keyId", keyId(k.publicKeyHex()), "publicKey", k.publicKeyHex()));
    }

    /** The key's id (in the seal's certificateSerial): the first 16 bytes of the SM3 hash of the public key, hex. */
    static String keyId(String publicKeyHex) {
        byte[] q = HexFormat.of().parseHex(publicKeyHex);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(q, 0, q.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out, 0, 16);
    }

    /** JSON with object keys sorted at every level and no whitespace: what is signed. */
    static byte[] canonical(Object content) {
        return EventJson.mapper().writeValueAsString(sorted(content)).getBytes(StandardCharsets.UTF_8);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OfficeSeal::sorted).toList();
        }
        return value;
    }
}
