package org.jingban.transfer.continuation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.InboxApplier;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.signing.OfficeKeys;
import org.jingban.transfer.Offices;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.certificate.CertificateService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 转出地 office's machine work: on the 《联系函》 it asks enrollment-service to release the record and balance; on
 * the release it builds 表10, seals it and publishes it with the fund transfer; on a refusal it answers the 转入地.
 *
 * <p>An application made at this 转出地 for a 转入地 in another province (seed 002 §十一(十四): "向转入地或转出地医疗保障
 * 经办机构申请") is handed to the 转入地 at 受理 ({@link #forwardApplication}); the 转入地's answers — its 《联系函》,
 * a refusal, 转入地办结 — move this office's case through the catalog's stages, each once.
 */
@Service
public class SendingOffice {

    private static final Logger log = LoggerFactory.getLogger(SendingOffice.class);

    private final ReactiveMongoTemplate mongo;
    private final InboxApplier inbox;
    private final OfficeKeys keys;
    private final Offices offices;
    private final CertificateService certificates;
    private final TransferCases steps;
    private final Clock clock;

    SendingOffice(ReactiveMongoTemplate mongo, InboxApplier inbox, OfficeKeys keys, Offices offices,
                  CertificateService certificates, TransferCases steps, Clock clock) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.keys = keys;
        this.offices = offices;
        this.certificates = certificates;
        this.steps = steps;
        this.clock = clock;
    }

    public Mono<TransferOut> byCaseNumber(String caseNumber) {
        return mongo.findOne(Query.query(Criteria.where("caseNumber").is(caseNumber)), TransferOut.class);
    }

    /** Transfers out with something for ops to look at, e.g. a 《信息表》 the 转入地 refused. */
    public Flux<TransferOut> flagged() {
        return mongo.find(Query.query(Criteria.where("opsFlags.0").exists(true)), TransferOut.class);
    }

    /**
     * 受理 at this 转出地 of an application for a 转入地 in another province: the application (表9 as filled in, the
     * electronic 参保凭证 it names) goes to the 转入地, in the same write as the transfer, once. The case waits in
     * 转入地生成并发出《联系函》 (5 working days) for the 转入地's answer. A case the 转入地 holds is
     * {@link ReceivingOffice#sendLetter}'s.
     */
    @CaseReaction(item = TransferStages.ITEM_CODE, on = CaseEvents.ACCEPTED)
    public Mono<Void> forwardApplication(Case accepted, ReceivedEvent event) {
        TransferApplicationForm form = ItemSubmissions.form(accepted, TransferApplicationForm.class);
        if (!form.heldBySendingOffice(accepted.getRegionCode())) {
            return Mono.empty();
        }
        String transferId = ReceivingOffice.transferId(accepted);
        // two deliveries creating the transfer at once: the loser's insert fails on _id, it reloads and finds it
        return Mono.defer(() -> mongo.findById(transferId, TransferOut.class).switchIfEmpty(Mono.defer(() ->
                        certificate(form).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(certificate -> {
                            TransferOut t = TransferOut.forward(application(accepted, form, transferId,
                                    certificate.orElse(null)), accepted.getId(), clock.instant());
                            t.markApplied(event.id());
                            return mongo.insert(t);
                        }))))
                .retryWhen(WriteConflicts.retry())
                .then();
    }

    /** The electronic 参保凭证 the application names (verified at 申请), as issued and sealed here. */
    private Mono<TransferEvents.Certificate> certificate(TransferApplicationForm form) {
        String number = form.certificateNumber();
        if (number == null || number.isBlank()) {
            return Mono.empty();
        }
        return certificates.find(number.trim()).map(c -> new TransferEvents.Certificate(c.number(), c.content(), c.seal()));
    }

    @SuppressWarnings("unchecked")
    private static TransferEvents.ForwardedApplication application(Case c, TransferApplicationForm form, String transferId,
                                                                   TransferEvents.Certificate certificate) {
        Object sheet = c.getForm().get(ApplicationSheets.FORM_KEY);
        return new TransferEvents.ForwardedApplication(transferId, c.getCaseNumber(), form.idNumber(),
                form.applicant().name(), form.phone(), form.enrollmentInsuranceType(), form.fromRegionCode(),
                form.toRegionCode(), sheet instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), certificate,
                form.materials());
    }

    /**
     * 收到《联系函》: the release is asked once. For an application made here, the letter is the 转入地's 受理: the case
     * completes 转入地生成并发出《联系函》 (also on a redelivery that finds the letter already taken).
     */
    public Mono<TransferOut> onLetter(ReceivedEvent event, TransferEvents.ContactLetter letter) {
        return inbox.applyOnceOrCreate(TransferOut.class, letter.transferId(), () -> TransferOut.of(letter.transferId()),
                        event, t -> t.receive(letter, clock.instant()))
                .flatMap(t -> {
                    if (!t.appliedHere() || t.getState() == TransferOut.State.REFUSED) {
                        return Mono.just(t);   // a letter after the 转入地 refused the application changes nothing
                    }
                    if (t.getState() == TransferOut.State.FORWARDED) {
                        log.warn("运维核查: 《联系函》 for transfer {} does not match the application forwarded (case {}): {}",
                                t.getId(), t.getCaseNumber(), t.getOpsFlags());
                        return Mono.just(t);
                    }
                    return steps.stageDone(t.getCaseId(), TransferStages.LETTER, "转入地（" + t.getToRegionCode()
                            + "）已受理，《联系函》已收到").thenReturn(t);
                });
    }

    public Mono<Void> onReleased(ReceivedEvent event, TransferHooks.InsuranceRecord record) {
        return mongo.findById(record.transferId(), TransferOut.class)
                .flatMap(t -> {
                    if (t.getState() != TransferOut.State.RELEASE_REQUESTED) {
                        return Mono.just(t);
                    }
                    var sheet = InfoSheets.build(record, t.getLetter(), offices, LocalDate.now(clock.withZone(Case.ZONE)));
                    return keys.seal(t.getLetter().fromRegionCode(), sheet).flatMap(seal -> inbox.applyOnce(TransferOut.class,
                            t.getId(), event, x -> x.issue(sheet, seal, record, clock.instant())));
                })
                .flatMap(t -> t.appliedHere() && t.getIssued() != null
                        ? steps.stageDone(t.getCaseId(), TransferStages.SHEET, "已生成、发出《信息表》（电子签章）并划转资金¥"
                        + t.getIssued().funds().amount()) : Mono.empty())
                .then();
    }

    /** enrollment-service could not release: the 转入地 is told; an application made here ends 未通过 with the reasons. */
    public Mono<Void> onRefused(ReceivedEvent event, String transferId, List<String> reasons) {
        return mongo.findById(transferId, TransferOut.class)
                .flatMap(t -> inbox.applyOnce(TransferOut.class, t.getId(), event, x -> x.refuse(reasons, clock.instant())))
                .flatMap(t -> refuseCase(t, "transfer.refused"))
                .then();
    }

    /** The 转入地 did not accept the application forwarded to it: the case here ends 未通过 with every reason it gave. */
    public Mono<Void> onApplicationRefused(ReceivedEvent event, TransferEvents.Refusal refusal) {
        List<String> reasons = refusal.reasons() == null || refusal.reasons().isEmpty()
                ? List.of("转入地医疗保障经办机构不予受理") : refusal.reasons();
        return mongo.findById(refusal.transferId(), TransferOut.class)
                .filter(t -> fromItsDestination(event, t))
                .flatMap(t -> inbox.applyOnce(TransferOut.class, t.getId(), event,
                        x -> x.refuseApplication(reasons, clock.instant())))
                .flatMap(t -> refuseCase(t, "transfer.not-accepted-by-receiving-office"))
                .then();
    }

    private Mono<Case> refuseCase(TransferOut t, String code) {
        if (!t.appliedHere() || t.getState() != TransferOut.State.REFUSED) {
            return Mono.empty();
        }
        return steps.refuse(t.getCaseId(), t.getRefusal().stream().map(r -> Reason.of(code, r)).toList());
    }

    /** 转入地办结: the transfer ends here; an application made here is 办结 with the months and the amount moved. */
    public Mono<Void> onTransferInCompleted(ReceivedEvent event, TransferEvents.Completion completion) {
        return mongo.findById(completion.transferId(), TransferOut.class)
                .filter(t -> fromItsDestination(event, t))
                .flatMap(t -> inbox.applyOnce(TransferOut.class, t.getId(), event, x -> x.completed(completion, clock.instant())))
                .filter(t -> t.appliedHere() && t.getState() == TransferOut.State.COMPLETED)
                .flatMap(t -> steps.finish(t.getCaseId(), "转入地已办结：缴费月数和个人账户资金已记入", details(t)))
                .then();
    }

    /**
     * A national platform message answers for a transfer only when it comes from the province of that transfer's 转入地:
     * a misrouted (or forged) one naming another province's transfer changes nothing and is logged.
     */
    static boolean fromItsDestination(ReceivedEvent event, TransferOut t) {
        String national = "/national-platform/";
        if (event.source() == null || !event.source().startsWith(national) || t.getToRegionCode() == null) {
            return true;
        }
        boolean fromThere = event.source().substring(national.length()).startsWith(t.getToRegionCode().substring(0, 2));
        if (!fromThere) {
            log.warn("national platform: {} {} names transfer {} whose 转入地 {} is not in the sending province: ignored",
                    event.type(), event.id(), t.getId(), t.getToRegionCode());
        }
        return fromThere;
    }

    private static Map<String, Object> details(TransferOut t) {
        Map<String, Object> sheet = t.getIssued().sheet();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("转移编号", t.getId());
        details.put("转入缴费月数", sheet.get("参保缴费月数合计"));
        details.put("转入个人账户金额", InfoSheets.fundsMoved(sheet));
        details.put("转入地", t.getToRegionCode());
        if (t.getCompletion() != null && t.getCompletion().caseNumber() != null) {
            details.put("转入地办件编号", t.getCompletion().caseNumber());
        }
        Object overlaps = sheet.get("重复参保期间");
        details.put("重复参保期间", overlaps == null ? List.of() : overlaps);
        return details;
    }

    /** The 转入地 refused the 《信息表》: kept for ops (运维核查); the 转入地 waits for a valid one. */
    public Mono<Void> onSheetRefused(ReceivedEvent event, TransferEvents.Refusal refusal) {
        List<String> problems = refusal.reasons() == null ? List.of() : refusal.reasons();
        return mongo.findById(refusal.transferId(), TransferOut.class)
                .filter(t -> fromItsDestination(event, t))
                .flatMap(t -> inbox.applyOnce(TransferOut.class, t.getId(), event, x -> x.sheetRefused(problems, clock.instant())))
                .doOnNext(t -> log.warn("运维核查: 《信息表》 of transfer {} refused by the 转入地 {}: {}", t.getId(),
                        t.getToRegionCode(), problems))
                .then();
    }
}
