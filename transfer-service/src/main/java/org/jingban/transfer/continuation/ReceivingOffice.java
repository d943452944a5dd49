package org.jingban.transfer.continuation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.InboxApplier;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.transfer.Offices;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.jingban.platform.signing.OfficeKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 转入地 office's machine work on a transfer case: 《联系函》 at 受理 (a reaction to the case's own event),
 * verification of the 《信息表》, credit through enrollment-service, 办结. Every step is idempotent: the transfer's
 * inbox dedups events, and the case is only moved from the stage it is in ({@link TransferCases}), so a
 * redelivered event (or a restart between the two writes) finishes what was left.
 */
@Service
public class ReceivingOffice {

    private static final Logger log = LoggerFactory.getLogger(ReceivingOffice.class);
    /** Where cases stored before the typed form (表9 as a map) kept the transfer id. */
    private static final String TRANSFER_ID_BEFORE_THE_TYPED_FORM = "转移编号";

    private final ReactiveMongoTemplate mongo;
    private final InboxApplier inbox;
    private final EnrollmentReadModel enrollment;
    private final OfficeKeys keys;
    private final Offices offices;
    private final TransferCases steps;
    private final Clock clock;

    ReceivingOffice(ReactiveMongoTemplate mongo, InboxApplier inbox, EnrollmentReadModel enrollment, OfficeKeys keys,
                    Offices offices, TransferCases steps, Clock clock) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.steps = steps;
        this.enrollment = enrollment;
        this.keys = keys;
        this.offices = offices;
        this.clock = clock;
    }

    public Mono<IncomingTransfer> find(String transferId) {
        return mongo.findById(transferId, IncomingTransfer.class);
    }

    public Mono<IncomingTransfer> byCaseNumber(String caseNumber) {
        return mongo.findOne(Query.query(Criteria.where("caseNumber").is(caseNumber)), IncomingTransfer.class);
    }

    /** Transfers with something for ops to look at (运维核查), e.g. a 《信息表》 whose seal did not verify. */
    public Flux<IncomingTransfer> flagged() {
        return mongo.find(Query.query(Criteria.where("opsFlags.0").exists(true)), IncomingTransfer.class);
    }

    /**
     * 受理 → 生成并发出《联系函》 (the transfer is created once; the stage is completed if it is still current). A case
     * the 转出地 holds (转入地 in another province) is {@link SendingOffice#forwardApplication}'s.
     */
    @CaseReaction(item = TransferStages.ITEM_CODE, on = CaseEvents.ACCEPTED)
    public Mono<Void> sendLetter(Case accepted, ReceivedEvent event) {
        TransferApplicationForm form = ItemSubmissions.form(accepted, TransferApplicationForm.class);
        if (form.heldBySendingOffice(accepted.getRegionCode())) {
            return Mono.empty();
        }
        String transferId = transferId(accepted);
        String type = form.enrollmentInsuranceType();
        // two deliveries creating the transfer at once: the loser's insert fails on _id, it reloads and finds it
        Mono<IncomingTransfer> transfer = Mono.defer(() -> find(transferId).switchIfEmpty(Mono.defer(() ->
                        enrollment.byIdNumber(form.idNumber()).map(Optional::of).defaultIfEmpty(Optional.empty())
                                .flatMap(person -> {
                                    var here = person.flatMap(p -> p.insurance(type, form.toRegionCode()));
                                    IncomingTransfer t = IncomingTransfer.sendLetter(transferId, accepted.getId(),
                                            accepted.getCaseNumber(), form.idNumber(), form.applicant().name(), type,
                                            form.fromRegionCode(), form.toRegionCode(),
                                            here.map(PersonEvents.InsuranceView::category).orElse(null),
                                            here.map(PersonEvents.InsuranceView::periods).orElse(List.of()),
                                            letter(accepted, form, transferId), clock.instant());
                                    t.markApplied(event.id());
                                    return mongo.insert(t);
                                }))))
                .retryWhen(WriteConflicts.retry());
        return transfer.flatMap(t -> steps.stageDone(accepted.getId(), TransferStages.LETTER, "已生成并发出《联系函》"))
                .then();
    }

    /** The id this service gave the transfer, stored with the case's form. */
    static String transferId(Case c) {
        Object id = c.getForm().get(TransferApplicationForm.TRANSFER_ID);
        if (id == null) {
            id = c.getForm().get(TRANSFER_ID_BEFORE_THE_TYPED_FORM);
        }
        return id == null ? null : id.toString();
    }

    private Map<String, Object> letter(Case c, TransferApplicationForm form, String transferId) {
        Offices.OfficeInfo to = offices.of(form.toRegionCode());
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("文书", "基本医疗保险关系转移接续联系函");
        letter.put("转移编号", transferId);
        letter.put("办件编号", c.getCaseNumber());
        letter.put("参保人员姓名", form.applicant().name());
        letter.put("基本医疗保险类型", form.enrollmentInsuranceType());
        letter.put("转出地医保区划代码", form.fromRegionCode());
        letter.put("转入地医保区划代码", form.toRegionCode());
        letter.put("转入地医疗保障经办机构", to.name());
        letter.put("转入地机构地址", form.toAddress());
        letter.put("转入地机构邮编", form.toPostalCode());
        letter.put("日期", LocalDate.now(clock.withZone(Case.ZONE)).toString());
        return letter;
    }

    /** 收到《信息表》和转移资金: verify, then credit (or refuse and flag). */
    public Mono<Void> onInfoSheet(ReceivedEvent event, TransferEvents.InfoSheet sheet) {
        return find(sheet.transferId()).flatMap(t -> verify(t, sheet).flatMap(problems -> {
            if (!problems.isEmpty()) {
                log.warn("运维核查: 《信息表》 of transfer {} refused ({}), case {}", t.getId(), problems, t.getCaseNumber());
            }
            return inbox.applyOnce(IncomingTransfer.class, t.getId(), event,
                    x -> x.receiveSheet(sheet, problems, clock.instant()));
        })).flatMap(t -> t.getState() == IncomingTransfer.State.AWAITING_CREDIT || t.getState() == IncomingTransfer.State.CREDITED
                ? steps.stageDone(t.getCaseId(), TransferStages.SHEET, "已收到《信息表》（电子签章验证通过）及转移资金¥"
                + InfoSheets.fundsMoved(t.getSheet().sheet())) : Mono.empty()).then();
    }

    private Mono<List<String>> verify(IncomingTransfer t, TransferEvents.InfoSheet received) {
        List<String> problems = new ArrayList<>();
        if (received.seal() == null || received.sheet() == null) {
            problems.add("《信息表》缺少电子签章");
            return Mono.just(problems);
        }
        if (!t.getFromRegionCode().equals(received.seal().regionCode())) {
            problems.add("签章机构不是转出地经办机构");
        }
        return keys.verify(received.sheet(), received.seal()).map(valid -> {
            if (!valid) {
                problems.add("电子签章验证未通过（内容被改动或签章证书不符）");
                return problems;
            }
            if (!t.getIdNumber().equals(InfoSheets.idNumber(received.sheet()))) {
                problems.add("《信息表》人员与申请人不符");
            }
            if (!t.getId().equals(received.sheet().get("转移编号"))) {
                problems.add("《信息表》转移编号与本件不符");
            }
            Money listed = Money.tryParse(InfoSheets.fundsMoved(received.sheet()));
            Money moved = received.funds() == null ? null : amount(received.funds().amount());
            if (listed == null || moved == null || listed.compareTo(moved) != 0) {
                problems.add("划转资金与《信息表》所列实际转出资金不符");
            }
            return problems;
        });
    }

    /** The fund transfer's amount: none sent counts as nothing moved, text that is not an amount as no amount. */
    private static Money amount(String yuan) {
        return yuan == null || yuan.isBlank() ? Money.ZERO : Money.tryParse(yuan);
    }

    /** enrollment-service credited the periods and balance in the 转入地: 办结. */
    public Mono<Void> onCredited(ReceivedEvent event, PersonEvents.Person person) {
        // the event names its transfer; an event without one (an older enrollment-service) is matched to the transfer
        // awaiting credit for this person in this pool
        Criteria which = person.transferId() != null ? Criteria.where("_id").is(person.transferId())
                : Criteria.where("idNumber").is(person.idNumber()).and("toRegionCode")
                        .is(event.regionCode() != null ? event.regionCode() : person.regionCode());
        Query awaiting = Query.query(which.and("state")
                .in(IncomingTransfer.State.AWAITING_CREDIT.name(), IncomingTransfer.State.CREDITED.name()));
        return mongo.find(awaiting, IncomingTransfer.class)
                .filter(t -> t.getState() == IncomingTransfer.State.AWAITING_CREDIT || !t.hasApplied(event.id()))
                .concatMap(t -> inbox.applyOnce(IncomingTransfer.class, t.getId(), event, x -> x.credited(clock.instant()))
                        .flatMap(this::finish))
                .then();
    }

    private Mono<Case> finish(IncomingTransfer t) {
        Map<String, Object> sheet = t.getSheet().sheet();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("转移编号", t.getId());
        details.put("转入缴费月数", sheet.get("参保缴费月数合计"));
        details.put("转入个人账户金额", InfoSheets.fundsMoved(sheet));
        details.put("转出地", t.getFromRegionCode());
        Object overlaps = sheet.get("重复参保期间");
        details.put("重复参保期间", overlaps == null ? List.of() : overlaps);
        return steps.finish(t.getCaseId(), "《信息表》已同步，缴费月数和个人账户资金已记入", details);
    }

    /** The 转出地 could not release, or enrollment refused the credit: the case ends with the reasons (未完成). */
    public Mono<Void> onRefused(ReceivedEvent event, String transferId, List<String> reasons) {
        return find(transferId)
                .flatMap(t -> inbox.applyOnce(IncomingTransfer.class, t.getId(), event, x -> x.refuse(reasons, clock.instant())))
                .filter(t -> t.getState() == IncomingTransfer.State.REFUSED)
                .flatMap(t -> steps.refuse(t.getCaseId(), reasons.stream().map(r -> Reason.of("transfer.refused", r)).toList()))
                .then();
    }
}
