package org.jingban.offsitefiling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.messaging.CloudEventHeaders;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.test.JingbanInfrastructure;

/**
 * Plays enrollment-service's side of the contract in these tests: publishes person events (enrollment-service-api)
 * on the real broker, as enrollment-service does after a 参保登记 or a change.
 */
public final class EnrollmentEvents {

    private static KafkaProducer<String, String> producer;

    private EnrollmentEvents() {
    }

    /** An insurance as enrollment reports it (status ACTIVE unless said otherwise). */
    public static PersonEvents.InsuranceView insurance(String type, String region, String category, String status) {
        return new PersonEvents.InsuranceView(type, region, null, null, category, status,
                "ACTIVE".equals(status) ? "参保缴费" : "暂停缴费", List.of(), 12);
    }

    /** Publishes {@code person.enrolled} (or {@code changed}) with the person's whole coverage. */
    public static synchronized void publish(String type, String idNumber, String name,
                                            PersonEvents.InsuranceView... insurances) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, JingbanInfrastructure.get().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        String personId = "p-" + idNumber;
        PersonEvents.Person data = new PersonEvents.Person(personId, idNumber, name, "增加",
                insurances.length == 0 ? null : insurances[0].regionCode(), List.of(insurances), null);
        ProducerRecord<String, String> record = new ProducerRecord<>(EnrollmentTopics.EVENTS, personId,
                EventJson.write(data));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SOURCE, "/jingban/enrollment");
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SUBJECT, personId);
        header(record, CloudEventHeaders.TIME, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString());
        producer.send(record);
        producer.flush();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
