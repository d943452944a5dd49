package org.jingban.platform.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.jingban.platform.messaging.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Readiness (就绪) after the read models caught up: the service is OUT_OF_SERVICE until every listener marked
 * {@link ReadModels#CONTAINER_GROUP} has committed, in its consumer group, the end offsets its topics had when the
 * service first checked — the events that existed at start are in the read model. After that it stays UP (a lag
 * that builds later is the consumers' metrics' concern, not a reason to take the service out of the load balancer).
 * A service without read models is ready at once. Until then the health shows how many events are still behind, per
 * consumer group.
 *
 * <p>At most {@code maxWait} after start: a backlog of hours (after a mass import) must not become an outage of
 * hours. Past it the service is ready with the read models still behind, and says so in a WARN line.
 */
public class ReadModelReadiness implements ReactiveHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReadiness.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A read model's consumer group and the topics it reads. */
    public record ReadModel(String group, Collection<String> topics) {
    }

    private final Supplier<List<ReadModel>> readModels;
    private final Supplier<Admin> adminFactory;
    private final Duration maxWait;
    private final Instant started = Instant.now();
    private volatile boolean caughtUp;
    private Map<String, Map<TopicPartition, Long>> targets;
    private Admin admin;

    /** @param maxWait how long after start at most the service stays not ready (zero or negative: no limit) */
    public ReadModelReadiness(Supplier<List<ReadModel>> readModels, Supplier<Admin> adminFactory, Duration maxWait) {
        this.readModels = readModels;
        this.adminFactory = adminFactory;
        this.maxWait = maxWait;
    }

    /** The read models of the listener containers in the group (their consumer groups and topics). */
    public static List<ReadModel> of(Collection<MessageListenerContainer> containers) {
        List<ReadModel> found = new ArrayList<>();
        for (MessageListenerContainer container : containers) {
            String[] topics = container.getContainerProperties().getTopics();
            if (container.getGroupId() != null && topics != null) {
                found.add(new ReadModel(container.getGroupId(), List.of(topics)));
            }
        }
        return found;
    }

    @Override
    public Mono<Health> health() {
        if (caughtUp) {
            return Mono.just(Health.up().build());
        }
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    synchronized Health check() {
        if (caughtUp) {
            return Health.up().build();
        }
        List<ReadModel> models = List.of();
        try {
            models = readModels.get();
            if (!models.isEmpty()) {
                Map<String, Long> behind = behind(models);
                long total = behind.values().stream().mapToLong(Long::longValue).sum();
                if (total > 0 && waitedTooLong()) {
                    log.warn("读模型启动后 {} 秒仍落后 {} 条事件（{}），已超过最长等待，服务按就绪处理；未追平前的办理条件判断可能基于旧数据",
                            Duration.between(started, Instant.now()).toSeconds(), total, behind);
                    ready();
                    return Health.up().withDetail("eventsBehind", total).build();
                }
                if (total > 0) {
                    return Health.outOfService().withDetail("reason", "读模型正在追赶启动时已有的事件")
                            .withDetail("eventsBehind", total).withDetail("byConsumerGroup", behind).build();
                }
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Health.outOfService().withDetail("reason", "无法读取读模型的消费进度")
                    .withDetail("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.outOfService().build();
        }
        ready();
        log.info("读模型已追平启动时的事件（{} 个消费组），用时 {} 秒，服务就绪", models.size(),
                Duration.between(started, Instant.now()).toSeconds());
        return Health.up().build();
    }

    private boolean waitedTooLong() {
        return !maxWait.isZero() && !maxWait.isNegative() && Duration.between(started, Instant.now()).compareTo(maxWait) > 0;
    }

    private void ready() {
        caughtUp = true;
        closeAdmin();
    }

    /** Events behind the targets, per consumer group (only groups still behind). */
    private Map<String, Long> behind(List<ReadModel> models) throws ExecutionException, InterruptedException,
            TimeoutException {
        Admin kafka = admin();
        if (targets == null) {
            targets = targets(kafka, models);
        }
        Map<String, Long> behind = new LinkedHashMap<>();
        for (Map.Entry<String, Map<TopicPartition, Long>> group : targets.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : group.getValue().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
            }
            if (lag > 0) {
                behind.put(group.getKey(), lag);
            }
        }
        return behind;
    }

    /** The end offset of every partition of each group's topics now (topics not created yet have none). */
    private static Map<String, Map<TopicPartition, Long>> targets(Admin kafka, List<ReadModel> models)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> topics = new TreeSet<>();
        models.forEach(m -> topics.addAll(m.topics()));
        Map<String, List<TopicPartition>> partitions = new LinkedHashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> described
                : kafka.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                TopicDescription d = described.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                partitions.put(described.getKey(), d.partitions().stream()
                        .map(p -> new TopicPartition(d.name(), p.partition())).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                partitions.put(described.getKey(), List.of());   // no events yet: nothing to catch up with
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.values().forEach(list -> list.forEach(tp -> latest.put(tp, OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        if (!latest.isEmpty()) {
            kafka.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
        }
        Map<String, Map<TopicPartition, Long>> byGroup = new LinkedHashMap<>();
        for (ReadModel model : models) {
            Map<TopicPartition, Long> target = byGroup.computeIfAbsent(model.group(), g -> new LinkedHashMap<>());
            for (String topic : model.topics()) {
                for (TopicPartition tp : partitions.getOrDefault(topic, List.of())) {
                    long end = ends.getOrDefault(tp, 0L);
                    if (end > 0) {
                        target.put(tp, end);
                    }
                }
            }
        }
        return byGroup;
    }

    private Admin admin() {
        if (admin == null) {
            admin = adminFactory.get();
        }
        return admin;
    }

    private void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
