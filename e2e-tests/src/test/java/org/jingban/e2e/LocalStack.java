package org.jingban.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.jingban.platform.test.JingbanInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system under test, started once per test JVM: one embedded Kafka broker and one embedded Mongo-wire store in
 * this JVM ({@link JingbanInfrastructure}), and the packaged gateway and every service (enrollment, transfer,
 * offsite-filing, reimbursement, designated-institution, settlement, notification) as JVMs of their own on free
 * ports, configured as deploy/local/up.sh configures them (local profile: the gateway issues dev tokens and every
 * JVM trusts its {@code /dev/jwks}).
 *
 * <p>Stopped by {@link #close()} (the JUnit root store closes it after the last test class) and, should the test JVM
 * end otherwise, by a shutdown hook: no service JVM outlives the run.
 */
final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static LocalStack instance;

    final JingbanInfrastructure infrastructure;
    final ServiceJvm gateway;
    final ServiceJvm enrollment;
    final ServiceJvm transfer;
    final ServiceJvm offsiteFiling;
    final ServiceJvm reimbursement;
    final ServiceJvm designation;
    final ServiceJvm settlement;
    final ServiceJvm notification;
    final Api api;
    private final List<ServiceJvm> all;
    private final Thread hook;

    static synchronized LocalStack get() {
        if (instance == null) {
            instance = new LocalStack();
        }
        return instance;
    }

    private LocalStack() {
        Path root = root();
        infrastructure = JingbanInfrastructure.get();
        int gatewayPort = freePort();
        String jwks = "http://localhost:" + gatewayPort + "/dev/jwks";
        Map<String, String> common = new LinkedHashMap<>();
        common.put("spring.profiles.active", "local");
        common.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks);
        common.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        common.put("spring.mongodb.uri", infrastructure.mongoUri());

        enrollment = new ServiceJvm("enrollment-service", root, freePort(), common);
        Map<String, String> transferProperties = new LinkedHashMap<>(common);
        // trusts the national platform's test peer (松潘 513224) as its own tests do, so that SongpanToWuweiThroughGatewayTest
        // can play Sichuan with that office's key; a province configures its real peers' certificates here
        transferProperties.put("jingban.signing.trusted-certificates",
                root.resolve("transfer-service/src/test/resources/national-trust").toUri() + "*.pem");
        transfer = new ServiceJvm("transfer-service", root, freePort(), transferProperties);
        offsiteFiling = new ServiceJvm("offsite-filing-service", root, freePort(), common);
        Map<String, String> reimbursementProperties = new LinkedHashMap<>(common);
        // the stand-in bank books 20 s after it took an order: a window to kill the payer in (ReimbursementThroughGatewayTest)
        reimbursementProperties.put("jingban.reimbursement.simulated-bank.confirm-delay", "PT20S");
        reimbursementProperties.put("jingban.reimbursement.payment.check-interval", "PT2S");
        reimbursement = new ServiceJvm("reimbursement-service", root, freePort(), reimbursementProperties);
        designation = new ServiceJvm("designated-institution-service", root, freePort(), common);
        settlement = new ServiceJvm("settlement-service", root, freePort(), common);
        Map<String, String> notificationProperties = new LinkedHashMap<>(common);
        // The SMS of a result must not wait for 08:00 Asia/Shanghai when the suite runs at night (quiet hours, ADR
        // notification §9); everything else about the channels stays as configured.
        notificationProperties.put("jingban.notification.quiet-hours.enabled", "false");
        notification = new ServiceJvm("notification-service", root, freePort(), notificationProperties);
        Map<String, String> gatewayProperties = new LinkedHashMap<>(common);
        for (ServiceJvm service : List.of(enrollment, transfer, offsiteFiling, reimbursement, designation, settlement, notification)) {
            gatewayProperties.put("jingban.gateway.services." + service.name() + ".uri", service.url());
        }
        gateway = new ServiceJvm("gateway", root, gatewayPort, gatewayProperties);
        all = List.of(gateway, enrollment, transfer, offsiteFiling, reimbursement, designation, settlement, notification);
        api = new Api(gateway.url());

        hook = new Thread(this::stopAll, "jingban-e2e-ShutdownHook");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        try {
            all.forEach(ServiceJvm::start);
            all.forEach(jvm -> jvm.awaitLive(START_TIMEOUT));
            all.forEach(jvm -> jvm.awaitReady(START_TIMEOUT));
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
        log.info("e2e stack live in {} s: {}", (System.nanoTime() - started) / 1_000_000_000,
                all.stream().map(j -> j.name() + "@" + j.port()).collect(Collectors.joining(", ")));
    }

    /** The repository root: the module's directory is the working directory of its tests. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("e2e-tests")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + dir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a stopped service again (same port, same settings) and waits until it is live. */
    void restart(ServiceJvm jvm) {
        restart(jvm, Map.of());
    }

    /**
     * Stops the service if it runs (gracefully), then starts it with {@code extra} settings on top of its own (this start
     * only) and waits until it is live. A test that starts a service so restores it ({@code restart(jvm, Map.of())}) in a
     * {@code finally}, so the next test class finds the service as configured.
     */
    void restart(ServiceJvm jvm, Map<String, String> extra) {
        jvm.stop();
        jvm.start(extra);
        jvm.awaitLive(START_TIMEOUT);
    }

    /**
     * Waits until the consumer group has committed, on every partition of the topic, the offset the topic had when this
     * was called: everything published before has been handled by that service (Spring Kafka commits after the
     * listener returns).
     */
    void awaitConsumed(String group, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Awaitility.await(group + " consumed " + topic).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata().get();
                        return partitions.stream().allMatch(tp -> ends.get(tp).offset() == 0
                                || (committed.get(tp) != null && committed.get(tp).offset() >= ends.get(tp).offset()));
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("offsets of " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    private synchronized void stopAll() {
        List<RuntimeException> failures = new ArrayList<>();
        // every JVM started (the services first, the gateway last: they fetch nothing from it while stopping); the
        // same list as started, so that no service added later is left running after the suite
        List<ServiceJvm> order = new ArrayList<>();
        if (all != null) {
            all.stream().filter(j -> j != gateway).forEach(order::add);
        }
        order.add(gateway);
        for (ServiceJvm jvm : order) {
            if (jvm == null) {
                continue;
            }
            try {
                jvm.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        failures.forEach(e -> log.warn("stopping the e2e stack", e));
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        synchronized (LocalStack.class) {
            instance = null;
        }
    }
}
