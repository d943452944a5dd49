package org.jingban.platform.service.items;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one dispatcher of a service's reactions to its own case events ({@link CaseReaction} methods on any bean).
 * It reads the service's own topic in its own consumer group, loads the case once, calls every matching reaction in
 * order, and then records the event id in the inbox collection {@code case_reactions_inbox}: a redelivered event
 * (after a rebalance or a restart) finds its mark and changes nothing. A reaction that fails leaves no mark, so the
 * event is retried and, after the configured attempts, goes to the dead-letter topic.
 */
public class CaseReactions implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CaseReactions.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContext context;
    private final CaseService cases;
    private final ReactiveMongoTemplate mongo;
    private final Duration markRetention;
    private final List<Registered> reactions = new ArrayList<>();

    /**
     * @param markRetention how long an event's mark is kept: longer than any redelivery (the topic's retention); a
     *                      TTL index on {@code at} expires older marks in MongoDB, {@link #expireMarks} elsewhere
     */
    public CaseReactions(ApplicationContext context, CaseService cases, ReactiveMongoTemplate mongo,
                         Duration markRetention) {
        this.context = context;
        this.cases = cases;
        this.mongo = mongo;
        this.markRetention = markRetention;
    }

    /** One reaction: the bean, its method and what it reacts to. */
    record Registered(Object bean, Method method, List<String> items, List<String> types, String stage) {

        boolean matches(String type, CaseEventData data) {
            return types.contains(type) && items.contains(data.itemCode())
                    && (stage.isEmpty() || stage.equals(data.stage()));
        }

        String name() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
    }

    /** The inbox mark of an event whose reactions all ran. */
    @Document("case_reactions_inbox")
    record Handled(@Id String id, String type, String caseId, Instant at) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            Map<Method, CaseReaction> found = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<CaseReaction>) m ->
                            AnnotatedElementUtils.findMergedAnnotation(m, CaseReaction.class));
            if (found.isEmpty()) {
                continue;
            }
            Object bean = context.getBean(name);
            found.forEach((method, a) -> {
                check(method);
                method.setAccessible(true);
                reactions.add(new Registered(bean, method, List.of(a.item()), List.of(a.on()), a.stage()));
            });
        }
        reactions.sort((x, y) -> x.name().compareTo(y.name()));
        reactions.forEach(r -> log.debug("case reaction {} on {} of {}", r.name(), r.types(), r.items()));
        mongo.indexOps(Handled.class).createIndex(new Index().on("at", Sort.Direction.ASC).named("marks_ttl")
                        .expire(markRetention))
                .doOnError(e -> log.warn("办件事件处理标记的 TTL 索引未能创建: {}", e.toString()))
                .onErrorComplete()
                .subscribe();
    }

    /** Deletes the marks older than the retention at {@code now} (what the TTL index does); how many. */
    public Mono<Long> expireMarks(Instant now) {
        return mongo.remove(Query.query(Criteria.where("at").lt(now.minus(markRetention))), Handled.class)
                .map(result -> result.getDeletedCount());
    }

    private static void check(Method m) {
        boolean hasCase = Arrays.asList(m.getParameterTypes()).contains(Case.class);
        boolean known = Arrays.stream(m.getParameterTypes())
                .allMatch(p -> p == Case.class || p == CaseEventData.class || p == ReceivedEvent.class);
        if (!hasCase || !known) {
            throw new IllegalStateException("@CaseReaction " + m + " must take a Case and optionally CaseEventData"
                    + " and/or ReceivedEvent");
        }
    }

    /** The registered reactions (for tests and the start-up log). */
    public List<String> names() {
        return reactions.stream().map(Registered::name).toList();
    }

    /**
     * After an instant item's effect ran in its own request ({@link ItemApplication#whenCompleted}, which is the item's
     * reaction to 办结): marks the case's 办结 event handled, so that the consumer does not load the case and apply the
     * effect a second time. Only for an item with exactly one reaction to 办结 — with more, the consumer runs them all.
     * A mark that cannot be written changes nothing (the consumer applies the effect again, idempotently); an event
     * consumed before the mark is written is applied twice in the same idempotent way.
     */
    public Mono<Void> appliedInRequest(Case c) {
        long onCompleted = reactions.stream().filter(r -> r.types().contains(CaseEvents.COMPLETED)
                && r.items().contains(c.getItemCode()) && r.stage().isEmpty()).count();
        if (onCompleted != 1) {
            return Mono.empty();
        }
        return Flux.fromIterable(c.getOutbox()).filter(e -> CaseEvents.COMPLETED.equals(e.type())).next()
                .flatMap(e -> mark(e.id(), e.type(), c.getId()))
                .onErrorResume(e -> {
                    log.debug("办结事件的处理标记未写入（消费者将再次执行，幂等）: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @KafkaListener(topics = "${jingban.messaging.topic}", groupId = "${spring.application.name}-case-reactions")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (!event.type().startsWith("jingban.case.") || reactions.isEmpty()) {
            return;
        }
        dispatch(event).block(TIMEOUT);
    }

    /** Runs the reactions of one event once; completes empty when there were none or it was handled before. */
    public Mono<Void> dispatch(ReceivedEvent event) {
        CaseEventData data = event.data(CaseEventData.class);
        if (data.caseId() == null || data.itemCode() == null) {
            return Mono.empty();
        }
        List<Registered> matching = reactions.stream().filter(r -> r.matches(event.type(), data)).toList();
        if (matching.isEmpty()) {
            return Mono.empty();
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(event.id())), Handled.class)
                .flatMap(handled -> handled ? Mono.<Void>empty() : cases.find(data.caseId())
                        .flatMap(c -> Flux.fromIterable(matching)
                                .concatMap(r -> invoke(r, c, data, event).then(Mono.just(r)))
                                .then(mark(event.id(), event.type(), c.getId()))));
    }

    /** The event's inbox mark; already there (another writer was first) is fine. */
    private Mono<Void> mark(String eventId, String type, String caseId) {
        return mongo.insert(new Handled(eventId, type, caseId, Instant.now()))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    private static Mono<?> invoke(Registered r, Case c, CaseEventData data, ReceivedEvent event) {
        Object[] args = Arrays.stream(r.method().getParameterTypes())
                .map(p -> p == Case.class ? c : p == CaseEventData.class ? data : event).toArray();
        try {
            Object result = r.method().invoke(r.bean(), args);
            return result instanceof Mono<?> mono ? mono : result instanceof Flux<?> flux ? flux.then() : Mono.empty();
        } catch (InvocationTargetException e) {
            return Mono.error(e.getCause());
        } catch (IllegalAccessException e) {
            return Mono.error(e);
        }
    }
}
