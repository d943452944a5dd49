package org.jingban.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.transfer.national.NationalEnvelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of this module's tests (the smoke test's configuration, so it is shared): the whole service
 * on the shared embedded broker and store, enrollment-service played by {@link EnrollmentDouble} on the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
public abstract class TransferTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(60);
    protected static final String WUWEI = "620600";
    protected static final String LANZHOU = "620100";
    protected static final String SONGPAN = "513224";
    protected static final String EMPLOYEE = "职工基本医疗保险";
    protected static final String RESIDENT = "城乡居民基本医疗保险";

    @Autowired
    protected WebTestClient web;

    protected final EnrollmentDouble enrollment = EnrollmentDouble.get();

    /** Waits (polling, never asserting on time) until the supplier gives a non-null value. */
    protected static <T> T eventually(Supplier<T> supplier) {
        return org.jingban.platform.test.Eventually.until(TIMEOUT, supplier);
    }

    /** A valid 18-digit 居民身份证号码 (凉州区, born 1980–1999). */
    protected static String newIdNumber() {
        return org.jingban.platform.security.test.TestIdentities.randomIdNumber();
    }

    protected static Map<String, Object> idDoc(String idNumber) {
        return Map.of("证件类型", "居民身份证", "证件号码", idNumber);
    }

    /**
     * The answer to a transfer application (platform's {@code Submitted}): the case, and the transfer's id at the top
     * level, as portals read it.
     */
    public record Applied(String caseId, String caseNumber, String itemCode, String status, String currentStage,
                          String transferId) {
    }

    /** The national platform's topic (国家医保信息平台), where the tests play the offices of other provinces. */
    protected static final String NATIONAL = "jingban.national.transfer";

    /** Sends a message on the national platform's topic as another province's office would. */
    protected static void sendNational(NationalEnvelope envelope) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, JingbanInfrastructure.get().bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            // keyed by the transfer, as the adapter sends (and a platform that keeps one transfer's messages in order)
            Object transferId = envelope.body() == null ? null : envelope.body().get("transferId");
            String key = transferId == null ? envelope.msgId() : transferId.toString();
            producer.send(new ProducerRecord<>(NATIONAL, key, EventJson.write(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static final List<String> TRANSFER_MATERIALS = List.of("医保电子凭证或有效身份证件或社保卡",
            "《参保凭证》（含电子《参保凭证》）", "《基本医疗保险关系转移接续申请表》");
}
