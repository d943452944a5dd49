package org.jingban.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.jingban.platform.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The offices' keys against a MongoDB-wire store: generated once per office (also under concurrency) and kept across
 * restarts, configured keys checked at start, other provinces' certificates trusted, seals that check and fail.
 */
class OfficeKeysTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-06T02:00:00Z"), ZoneOffset.UTC);
    static final OfficeNames NAMES = new OfficeNames(Catalog.load());

    static MongoServer server;
    static MongoClient client;
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new ReactiveMongoTemplate(client, "signing-" + UUID.randomUUID());
    }

    static SigningProperties localMode() {
        SigningProperties properties = new SigningProperties();
        properties.setTrustedCertificates("");
        return properties;
    }

    OfficeKeys keys(SigningProperties properties) {
        return new OfficeKeys(properties, mongo, NAMES, CLOCK);
    }

    static Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("编号", "20260706-0001-BZ1");
        content.put("补齐补正材料", List.of("预测性分析报告", "信息系统测试验收材料"));
        return content;
    }

    @Test
    void an_office_key_is_generated_on_first_use_and_survives_a_restart() {
        OfficeKeys keys = keys(localMode());
        ElectronicSeal seal = keys.seal("620600", content()).block(TIMEOUT);
        assertThat(seal.algorithm()).isEqualTo("SM3withSM2");
        assertThat(seal.regionCode()).isEqualTo("620600");
        assertThat(seal.officeName()).isEqualTo("武威市医疗保障局（市医保局窗口）");
        assertThat(seal.signedAt()).isEqualTo(CLOCK.instant());
        assertThat(keys.verify(content(), seal).block(TIMEOUT)).isTrue();

        // another instance on the same database (a restart): the same certificate, the old seal still checks
        OfficeKeys restarted = keys(localMode());
        X509Certificate certificate = restarted.certificate("620600").block(TIMEOUT).orElseThrow();
        assertThat(certificate.getSerialNumber().toString(16)).isEqualTo(seal.certificateSerial());
        assertThat(restarted.verify(content(), seal).block(TIMEOUT)).isTrue();
        assertThat(OfflineVerifier.verify(content(), seal, restarted.publishedCertificate("620600").block(TIMEOUT)
                .orElseThrow())).isTrue();
        assertThat(mongo.findAll(OfficeKeys.StoredKey.class).collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void concurrent_first_uses_make_one_key() {
        OfficeKeys[] instances = {keys(localMode()), keys(localMode()), keys(localMode())};
        List<ElectronicSeal> seals = Flux.range(0, 12)
                .flatMap(i -> instances[i % 3].seal("620100", content()).subscribeOn(Schedulers.parallel()), 12)
                .collectList().block(TIMEOUT);
        assertThat(seals).extracting(ElectronicSeal::certificateSerial).containsOnly(seals.get(0).certificateSerial());
        assertThat(seals).extracting(ElectronicSeal::officeName).containsOnly("兰州市医疗保障经办机构");
        assertThat(mongo.findAll(OfficeKeys.StoredKey.class).collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void a_changed_document_or_a_seal_of_another_office_does_not_verify() {
        OfficeKeys keys = keys(localMode());
        ElectronicSeal seal = keys.seal("620600", content()).block(TIMEOUT);
        Map<String, Object> tampered = content();
        tampered.put("编号", "20260706-0002-BZ1");
        assertThat(keys.verify(tampered, seal).block(TIMEOUT)).isFalse();
        ElectronicSeal claimsLanzhou = new ElectronicSeal(seal.algorithm(), "620100", seal.officeName(),
                seal.certificateSerial(), seal.signedAt(), seal.value());
        keys.key("620100").block(TIMEOUT);
        assertThat(keys.verify(content(), claimsLanzhou).block(TIMEOUT)).isFalse();
        // an office without any key: nothing to check against
        assertThat(keys.verify(content(), new ElectronicSeal(seal.algorithm(), "620200", "x", seal.certificateSerial(),
                seal.signedAt(), seal.value())).block(TIMEOUT)).isFalse();
        assertThat(keys.verify(content(), null).block(TIMEOUT)).isFalse();
    }

    @Test
    void the_published_certificate_exists_for_known_regions_only() {
        OfficeKeys keys = keys(localMode());
        // fetched before the office's first seal: the certificate that seal will check against
        String pem = keys.publishedCertificate("620100").block(TIMEOUT).orElseThrow();
        ElectronicSeal seal = keys.seal("620100", content()).block(TIMEOUT);
        assertThat(OfflineVerifier.verify(content(), seal, pem)).isTrue();
        assertThat(keys.publishedCertificate("999999").block(TIMEOUT)).isEmpty();
        assertThat(keys.publishedCertificate("abc").block(TIMEOUT)).isEmpty();
    }

    @Test
    void configured_keys_are_used_and_never_generated_when_generation_is_off() {
        KeyPair pair = Sm2.generateKeyPair();
        X509Certificate certificate = Sm2.selfSignedCertificate(pair, "武威市医疗保障局", "620600", 3);
        SigningProperties production = localMode();
        production.setGenerateMissing(false);
        SigningProperties.Office office = new SigningProperties.Office();
        office.setPrivateKey(Sm2.privateKeyToPem(pair.getPrivate()));
        office.setCertificate(Sm2.toPem(certificate));
        production.getOffices().put("620600", office);

        OfficeKeys keys = keys(production);
        ElectronicSeal seal = keys.seal("620600", content()).block(TIMEOUT);
        assertThat(seal.certificateSerial()).isEqualTo(certificate.getSerialNumber().toString(16));
        assertThat(OfflineVerifier.verify(content(), seal, Sm2.toPem(certificate))).isTrue();
        assertThat(keys.publishedCertificate("620600").block(TIMEOUT)).contains(Sm2.toPem(certificate));

        assertThatThrownBy(() -> keys.seal("620100", content()).block(TIMEOUT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no signing key configured for office 620100");
        assertThat(keys.publishedCertificate("620100").block(TIMEOUT)).isEmpty();
        assertThat(mongo.findAll(OfficeKeys.StoredKey.class).collectList().block(TIMEOUT)).isEmpty();
    }

    @Test
    void a_configured_key_that_is_not_the_certificate_s_stops_the_start() {
        SigningProperties properties = localMode();
        SigningProperties.Office office = new SigningProperties.Office();
        office.setPrivateKey(Sm2.privateKeyToPem(Sm2.generateKeyPair().getPrivate()));
        office.setCertificate(Sm2.toPem(Sm2.selfSignedCertificate(Sm2.generateKeyPair(), "武威市医疗保障局", "620600", 3)));
        properties.getOffices().put("620600", office);
        assertThatThrownBy(() -> keys(properties)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jingban.signing.offices.620600");

        SigningProperties half = localMode();
        SigningProperties.Office keyOnly = new SigningProperties.Office();
        keyOnly.setPrivateKey(office.getPrivateKey());
        half.getOffices().put("620600", keyOnly);
        assertThatThrownBy(() -> keys(half)).isInstanceOf(IllegalStateException.class).hasMessageContaining("certificate");
    }

    @Test
    void offices_of_other_provinces_are_trusted_from_their_certificate_files(@TempDir Path trust) throws Exception {
        KeyPair songpan = Sm2.generateKeyPair();
        X509Certificate certificate = Sm2.selfSignedCertificate(songpan, "松潘县医疗保障事业服务中心", "513224", 3);
        Files.writeString(trust.resolve("513224.pem"), Sm2.toPem(certificate));
        Files.writeString(trust.resolve("README.pem"), "ignored: not named <regionCode>.pem");
        SigningProperties properties = localMode();
        properties.setTrustedCertificates(trust.toUri() + "*.pem");

        OfficeKeys keys = keys(properties);
        assertThat(keys.signsFor("513224")).isFalse();
        assertThat(keys.signsFor("620600")).isTrue();
        ElectronicSeal seal = new ElectronicSeal(Sm2.ALGORITHM, "513224", "松潘县医疗保障事业服务中心",
                certificate.getSerialNumber().toString(16), Instant.now(),
                java.util.Base64.getEncoder().encodeToString(Sm2.sign(songpan.getPrivate(), CanonicalJson.bytes(content()))));
        assertThat(keys.verify(content(), seal).block(TIMEOUT)).isTrue();
        assertThat(keys.publishedCertificate("513224").block(TIMEOUT)).contains(Sm2.toPem(certificate));
        // the service never makes a key of a trusted office
        assertThat(mongo.findAll(OfficeKeys.StoredKey.class).collectList().block(TIMEOUT)).isEmpty();
    }

    @Test
    void keys_transfer_service_stored_under_its_former_class_are_read() {
        KeyPair pair = Sm2.generateKeyPair();
        X509Certificate certificate = Sm2.selfSignedCertificate(pair, "武威市医疗保障局（市医保局窗口）", "620600", 10);
        Document stored = new Document("_id", "620600").append("officeName", "武威市医疗保障局（市医保局窗口）")
                .append("privateKeyPem", Sm2.privateKeyToPem(pair.getPrivate()))
                .append("certificatePem", Sm2.toPem(certificate))
                .append("createdAt", java.util.Date.from(Instant.parse("2026-01-01T00:00:00Z")))
                .append("_class", "org.jingban.transfer.signing.OfficeKeys$StoredKey");
        Mono.from(mongo.getCollection("office_keys").block(TIMEOUT).insertOne(stored)).block(TIMEOUT);

        OfficeKeys keys = keys(localMode());
        ElectronicSeal seal = keys.seal("620600", content()).block(TIMEOUT);
        assertThat(seal.certificateSerial()).isEqualTo(certificate.getSerialNumber().toString(16));
        assertThat(OfflineVerifier.verify(content(), seal, Sm2.toPem(certificate))).isTrue();
        assertThat(keys.certificate("620600").block(TIMEOUT)).isEqualTo(Optional.of(certificate));
    }
}
