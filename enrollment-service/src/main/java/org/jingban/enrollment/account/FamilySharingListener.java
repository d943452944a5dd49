package org.jingban.enrollment.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.offsitefiling.api.OneThingEvents.FamilySharingRequested;
import org.jingban.offsitefiling.api.OneThingEvents.Relative;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.messaging.InboxApplier;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 职工医保个人账户家庭共济办理 as a part of 就医费用报销“一件事” (seed 004): offsite-filing-service, which keeps the bundle,
 * asks on its topic ({@link OneThingEvents#FAMILY_SHARING_REQUESTED}); every relative named is bound to the holder's
 * account by the same rules as the holder's own binding ({@link FamilyAccounts#bind}: 甘肃省内参保, the relations of
 * seed 004 受理条件 一.2), and the answer goes back on this service's topic, bound or refused with every reason. Once per
 * bundle: the answer is a document keyed by the bundle's id (the kernel's inbox), and a relative found already bound
 * (a request redelivered before its answer was written) counts as bound.
 */
@Component
@ConditionalOnProperty(name = "jingban.enrollment.one-thing.listen", matchIfMissing = true)
public class FamilySharingListener {

    private static final Logger log = LoggerFactory.getLogger(FamilySharingListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FamilyAccounts family;
    private final ReactiveMongoTemplate template;
    private final InboxApplier inbox;
    private final Clock clock;

    public FamilySharingListener(FamilyAccounts family, ReactiveMongoTemplate template, InboxApplier inbox, Clock clock) {
        this.family = family;
        this.template = template;
        this.inbox = inbox;
        this.clock = clock;
    }

    @KafkaListener(topics = "${jingban.enrollment.one-thing.topic:jingban.offsite-filing.events}", groupId = "enrollment-one-thing")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (!OneThingEvents.FAMILY_SHARING_REQUESTED.equals(event.type())) {
            return;
        }
        FamilySharingReply reply = apply(event.data(FamilySharingRequested.class), event).block(TIMEOUT);
        if (reply != null) {
            log.info("一件事 {} 家庭共济: {} bound, {} reasons", reply.getCaseNumber(), reply.getBound().size(),
                    reply.getReasons().size());
        }
    }

    /** Binds the relatives once per bundle and answers; the answer as stored (the first one on a redelivery). */
    public Mono<FamilySharingReply> apply(FamilySharingRequested request, ReceivedEvent event) {
        return template.findById(request.bundleId(), FamilySharingReply.class)
                .switchIfEmpty(Mono.defer(() -> bindAll(request).flatMap(result -> inbox.applyOnceOrCreate(
                        FamilySharingReply.class, request.bundleId(),
                        () -> FamilySharingReply.answer(request.bundleId(), request.caseNumber(), request.holderIdNumber(),
                                request.regionCode(), result.bound(), result.reasons(), clock.instant()),
                        event, r -> r))));
    }

    private record Result(List<String> bound, List<Reason> reasons) {
    }

    private Mono<Result> bindAll(FamilySharingRequested request) {
        List<Relative> relatives = request.relatives() == null ? List.of() : request.relatives();
        List<String> bound = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        if (relatives.isEmpty()) {
            reasons.add(Reason.at("共济亲属", "no-relative", "未填写共济亲属"));
            return Mono.just(new Result(bound, reasons));
        }
        return Flux.range(0, relatives.size()).concatMap(i -> {
            Relative r = relatives.get(i);
            String field = "共济亲属[" + i + "]";
            // 居民身份证 when the request names no type (the contract's default)
            IdDocument id = new IdDocument(r.idType() == null || r.idType().isBlank() ? IdDocument.RESIDENT_ID : r.idType(),
                    r.idNumber());
            Violations v = FamilyAccounts.checkRelative(new Violations(), field + ".", id, r.relation());
            if (!v.isEmpty()) {
                v.list().forEach(x -> reasons.add(Reason.at(x.field(), x.code(), x.message())));
                return Mono.empty();
            }
            String who = (r.name() == null ? "" : r.name()) + "（" + Masking.idNumber(r.idNumber()) + "）";
            return family.bind(request.holderIdNumber(), id, r.name(), r.relation())
                    .doOnNext(m -> bound.add(who))
                    .then()
                    .onErrorResume(ProblemException.class, refused -> {
                        List<Violation> found = refused.violations();
                        if (!found.isEmpty() && found.stream().allMatch(x -> "already-bound".equals(x.code()))) {
                            bound.add(who); // bound by this request before its answer was written
                        } else if (found.isEmpty()) {
                            reasons.add(Reason.at(field, "refused", who + "：" + refused.title()));
                        } else {
                            found.forEach(x -> reasons.add(Reason.at(field + "." + x.field(), x.code(), who + "：" + x.message())));
                        }
                        return Mono.empty();
                    });
        }).then(Mono.fromSupplier(() -> new Result(bound, reasons)));
    }
}
