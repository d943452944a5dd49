package org.jingban.transfer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.UnitEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.test.JingbanInfrastructure;

/**
 * Plays enrollment-service in these tests by answering its transfer contract (enrollment-service/README.md) on the
 * real broker: it reads the commands on {@code jingban.transfer.events} and publishes the person, account, release,
 * credit and refusal events on {@code jingban.enrollment.events}, idempotent by transfer id like the real one.
 * One per test JVM; it keeps its persons in memory.
 */
public final class EnrollmentDouble {

    private static EnrollmentDouble instance;

    public static final class Ins {
        final String type;
        final String region;
        String status;
        final String category;
        final List<PersonEvents.Period> periods = new ArrayList<>();
        String unitId;
        String unitName;

        /** Insured through this unit (its id at enrollment), as enrollment's person events name it. */
        public Ins at(String unitId, String unitName) {
            this.unitId = unitId;
            this.unitName = unitName;
            return this;
        }

        Ins(String type, String region, String status, String category) {
            this.type = type;
            this.region = region;
            this.status = status;
            this.category = category;
        }
    }

    public static final class Person {
        final String id = UUID.randomUUID().toString();
        final String idNumber;
        final String name;
        final List<Ins> insurances = new ArrayList<>();
        BigDecimal balance = BigDecimal.ZERO.setScale(2);
        long sequence;

        Person(String idNumber, String name) {
            this.idNumber = idNumber;
            this.name = name;
        }
    }

    private final Map<String, Person> persons = new ConcurrentHashMap<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    /** How many times a credit was applied per transfer (must stay 1). */
    public final Map<String, AtomicInteger> credits = new ConcurrentHashMap<>();
    private final KafkaProducer<String, String> producer;

    private EnrollmentDouble(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        Thread t = new Thread(() -> consume(bootstrap), "enrollment-double");
        t.setDaemon(true);
        t.start();
    }

    public static synchronized EnrollmentDouble get() {
        if (instance == null) {
            instance = new EnrollmentDouble(JingbanInfrastructure.get().bootstrapServers());
        }
        return instance;
    }

    /** A person with insurances (type, region, status, from-month) and a balance, published as enrollment would. */
    public Person enroll(String idNumber, String name, String balance, Ins... insurances) {
        Person person = new Person(idNumber, name);
        for (Ins i : insurances) {
            person.insurances.add(i);
        }
        persons.put(idNumber, person);
        publish(PersonEvents.ENROLLED, person.id, insurances[0].region, view(person, "参保登记"));
        if (new BigDecimal(balance).signum() > 0) {
            person.balance = new BigDecimal(balance);
            person.sequence++;
            publish(AccountEvents.CREDITED, person.id, insurances[0].region, posted(person, "CONTRIBUTION",
                    balance, "seed-" + person.id, null));
        }
        return person;
    }

    public static Ins insurance(String type, String region, String status, String category, String... fromTo) {
        Ins ins = new Ins(type, region, status, category);
        for (int k = 0; k < fromTo.length; k += 2) {
            ins.periods.add(new PersonEvents.Period(fromTo[k], fromTo[k + 1], region, null, category, "本地"));
        }
        return ins;
    }

    /** Changes a status in enrollment's own store without an event (the read model here is then stale). */
    public synchronized void changeStatusQuietly(String idNumber, String region, String status) {
        persons.get(idNumber).insurances.stream().filter(i -> i.region.equals(region)).forEach(i -> i.status = status);
    }

    public Person person(String idNumber) {
        return persons.get(idNumber);
    }

    public BigDecimal balance(String idNumber) {
        return persons.get(idNumber).balance;
    }

    public List<PersonEvents.Period> periods(String idNumber, String type, String region) {
        return persons.get(idNumber).insurances.stream().filter(i -> i.type.equals(type) && i.region.equals(region))
                .findFirst().map(i -> List.copyOf(i.periods)).orElse(List.of());
    }

    private void consume(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "enrollment-double");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("jingban.transfer.events"));
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    var type = r.headers().lastHeader("ce_type");
                    if (type != null) {
                        handle(new String(type.value(), StandardCharsets.UTF_8), r.value());
                    }
                }
            }
        }
    }

    private volatile boolean holding;
    private final List<String[]> held = new ArrayList<>();

    /** Keeps the commands unanswered (enrollment busy or down) until {@link #answerHeld()}. */
    public synchronized void hold() {
        holding = true;
    }

    public synchronized int heldCount() {
        return held.size();
    }

    public synchronized void answerHeld() {
        holding = false;
        for (String[] c : held) {
            handle(c[0], c[1]);
        }
        held.clear();
    }

    private synchronized void handle(String type, String json) {
        if (holding) {
            held.add(new String[] {type, json});
            return;
        }
        switch (type) {
            case TransferHooks.RELEASE_REQUESTED -> release(EventJson.read(json, TransferHooks.Release.class));
            case TransferHooks.CREDIT_REQUESTED -> credit(EventJson.read(json, TransferHooks.CreditIn.class));
            default -> {
            }
        }
    }

    private void release(TransferHooks.Release cmd) {
        if (!applied.add("release:" + cmd.transferId())) {
            return;
        }
        Person person = persons.get(cmd.idNumber());
        Ins ins = person == null ? null : person.insurances.stream()
                .filter(i -> i.type.equals(cmd.insuranceType()) && i.region.equals(cmd.regionCode())).findFirst().orElse(null);
        // enrollment-service releases a coverage that has stopped: 中止 for the transfer, or the unit's 中断 / 终止
        if (ins == null || !java.util.Set.of("SUSPENDED", "INTERRUPTED", "TERMINATED").contains(ins.status)) {
            publish("jingban.enrollment.transfer-hook.refused.v1", cmd.transferId(), cmd.regionCode(), Map.of(
                    "transferId", cmd.transferId(), "commandType", TransferHooks.RELEASE_REQUESTED,
                    "reasons", List.of(Map.of("field", "idNumber", "code", "not-suspended",
                            "message", "该人员在转出地的" + cmd.insuranceType() + "未中止参保"))));
            return;
        }
        String moved = person.balance.toPlainString();
        String entryId = null;
        if (person.balance.signum() > 0) {
            person.sequence++;
            entryId = UUID.randomUUID().toString();
            BigDecimal before = person.balance;
            person.balance = BigDecimal.ZERO.setScale(2);
            publish(AccountEvents.DEBITED, person.id, cmd.regionCode(), posted(person, "TRANSFER_OUT",
                    before.negate().toPlainString(), "transfer-out:" + cmd.transferId(), cmd.transferId()));
        }
        ins.status = "TRANSFERRED_OUT";
        long months = ins.periods.stream().mapToLong(pe -> months(pe.from(), pe.to())).sum();
        publish(PersonEvents.RECORD_RELEASED, person.id, cmd.regionCode(), new TransferHooks.InsuranceRecord(
                cmd.transferId(), person.id, person.idNumber, person.name, ins.type, ins.region, List.copyOf(ins.periods),
                months, moved, entryId));
    }

    private void credit(TransferHooks.CreditIn cmd) {
        if (!applied.add("credit:" + cmd.transferId())) {
            return;
        }
        credits.computeIfAbsent(cmd.transferId(), k -> new AtomicInteger()).incrementAndGet();
        Person person = persons.computeIfAbsent(cmd.idNumber(), k -> new Person(cmd.idNumber(), cmd.name()));
        Ins ins = person.insurances.stream().filter(i -> i.type.equals(cmd.insuranceType()) && i.region.equals(cmd.regionCode()))
                .findFirst().orElseGet(() -> {
                    Ins created = new Ins(cmd.insuranceType(), cmd.regionCode(), "ACTIVE", cmd.category());
                    person.insurances.add(created);
                    return created;
                });
        for (PersonEvents.Period pe : cmd.periods()) {
            ins.periods.add(new PersonEvents.Period(pe.from(), pe.to(), pe.regionCode(), null, pe.category(), "转入"));
        }
        ins.status = "ACTIVE";
        BigDecimal amount = new BigDecimal(cmd.balance());
        if (amount.signum() > 0) {
            person.balance = person.balance.add(amount);
            person.sequence++;
            publish(AccountEvents.CREDITED, person.id, cmd.regionCode(), posted(person, "TRANSFER_IN",
                    amount.toPlainString(), "transfer-in:" + cmd.transferId(), cmd.transferId()));
        }
        publish(PersonEvents.TRANSFER_IN_CREDITED, person.id, cmd.regionCode(), view(person, "转移接续转入", cmd.transferId()));
    }

    private static long months(String from, String to) {
        YearMonth a = YearMonth.parse(from);
        YearMonth b = to == null ? YearMonth.now() : YearMonth.parse(to);
        return a.until(b, ChronoUnit.MONTHS) + 1;
    }

    /** A unit as enrollment publishes its registration (UnitEvents): id, 统一社会信用代码, name, region. */
    public void unit(String unitId, String uscc, String name, String region) {
        publish(UnitEvents.REGISTERED, unitId, region, new UnitEvents.Unit(unitId, uscc, name, region, "13809351234"));
    }

    /** Contributions credited for the months (yyyyMM) as enrollment posts the tax bureau's lines: one entry each. */
    public void paid(String idNumber, String amountEach, List<String> periods) {
        Person person = persons.get(idNumber);
        for (String period : periods) {
            person.balance = person.balance.add(new BigDecimal(amountEach));
            person.sequence++;
            publish(AccountEvents.CREDITED, person.id, person.insurances.get(0).region, posted(person, "CONTRIBUTION",
                    amountEach, "contribution:" + person.id + ":" + period, period));
        }
    }

    private Map<String, Object> posted(Person p, String kind, String amount, String key, String reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", p.id);
        m.put("personId", p.id);
        m.put("regionCode", p.insurances.get(0).region);
        m.put("entryId", UUID.randomUUID().toString());
        m.put("sequence", p.sequence);
        m.put("kind", kind);
        m.put("amount", amount);
        m.put("balanceAfter", p.balance.setScale(2).toPlainString());
        m.put("idempotencyKey", key);
        m.put("reference", reference);
        return m;
    }

    private static PersonEvents.Person view(Person p, String what) {
        return view(p, what, null);
    }

    private static PersonEvents.Person view(Person p, String what, String transferId) {
        List<PersonEvents.InsuranceView> list = p.insurances.stream().map(i -> new PersonEvents.InsuranceView(i.type,
                i.region, i.unitId, i.unitName, i.category, i.status, null, List.copyOf(i.periods),
                i.periods.stream().mapToLong(pe -> months(pe.from(), pe.to())).sum())).toList();
        return new PersonEvents.Person(p.id, p.idNumber, p.name, what, p.insurances.get(0).region, list, transferId);
    }

    private void publish(String type, String subject, String region, Object data) {
        ProducerRecord<String, String> r = new ProducerRecord<>(EnrollmentTopics.EVENTS, subject, EventJson.write(data));
        r.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_source", bytes("/jingban/enrollment")).add("ce_type", bytes(type))
                .add("ce_subject", bytes(subject)).add("ce_time", bytes(Instant.now().toString()))
                .add("ce_regioncode", bytes(region)).add("content-type", bytes("application/json"));
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
