package org.jingban.offsitefiling.onething;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.platform.catalog.BundleDefinition;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.jingban.enrollment.api.FamilySharingEvents;

/**
 * One application for a 一件事 (就医费用报销“一件事”, seed 004) and the state of each of its parts (id = the bundle's case
 * id, 办件号 = its case number). The parts applied for run in their own services and come back as results; a part's
 * refusal never undoes a part that was done (the seed requires nothing else). The parts a bundle enables (主动服务类:
 * direct settlement) follow the 备案. Each change is one write with its events (the 家庭共济 request) and the applied
 * answers' ids (inbox).
 */
@Document("one_things")
@CompoundIndex(name = "parts_caseNumber", def = "{'parts.caseNumber': 1}")
public class OneThing extends AggregateDocument {

    /** A part's state as the applicant sees it. */
    public enum State {
        PENDING("办理中"), DONE("已办结"), REFUSED("未办成"), NOT_APPLIED("未申请"), ENABLED("可直接结算"),
        NOT_ENABLED("暂不能直接结算");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One part: its catalog name, service, how it takes part, its state, the part's own case number (备案: also the
     * 备案编号), who was bound (家庭共济, 证件号码 masked) and why it was refused.
     */
    public record Part(String name, String service, BundleDefinition.Mode mode, State state, String caseNumber,
                       List<String> bound, List<Reason> reasons, String note) {

        Part with(State state, String caseNumber, List<String> bound, List<Reason> reasons, String note) {
            return new Part(name, service, mode, state, caseNumber, bound == null ? List.of() : List.copyOf(bound),
                    reasons == null ? List.of() : List.copyOf(reasons), note);
        }
    }

    static final String FILING_SERVICE = "offsite-filing-service";
    static final String FAMILY_SERVICE = "enrollment-service";

    private String caseId;
    @Indexed
    private String caseNumber;
    private String code;
    private String name;
    private String idNumber;
    private String personName;
    private String regionCode;
    private List<Part> parts = new ArrayList<>();
    private Instant submittedAt;
    /** true while a part applied for has no result (the sweep's index: absent once settled). */
    @Indexed(sparse = true)
    private Boolean pending;

    protected OneThing() {
    }

    /**
     * A new application: every part of the bundle, those applied for PENDING (家庭共济 only when relatives are named;
     * refused at once where the part is not open to the 参保地), those it enables waiting for the 备案; the 家庭共济
     * request leaves with this write.
     */
    static OneThing start(String caseId, String caseNumber, BundleDefinition bundle, String idNumber, String personName,
                          String regionCode, List<OneThingEvents.Relative> relatives, Instant at) {
        OneThing t = new OneThing();
        t.id = caseId;
        t.caseId = caseId;
        t.caseNumber = caseNumber;
        t.code = bundle.code();
        t.name = bundle.name();
        t.idNumber = idNumber;
        t.personName = personName;
        t.regionCode = regionCode;
        t.submittedAt = at;
        for (BundleDefinition.Part p : bundle.parts()) {
            Part part = new Part(p.name(), p.service(), p.mode(), State.PENDING, null, List.of(), List.of(), null);
            if (p.mode() == BundleDefinition.Mode.ENABLED) {
                part = part.with(State.NOT_ENABLED, null, null, null, "异地就医备案生效后，在定点医药机构就医购药时直接结算");
            } else if (p.service().equals(FAMILY_SERVICE)) {
                if (relatives.isEmpty()) {
                    part = part.with(State.NOT_APPLIED, null, null, null, "未填写共济亲属");
                } else if (!p.openTo(regionCode)) {
                    // seed 004 适用对象说明 and 常见问题: 职工医保个人账户家庭共济办理仅支持在甘肃省内参保人员
                    part = part.with(State.REFUSED, null, null, List.of(Reason.at("共济亲属", "outside-province",
                            bundle.applicability() == null ? p.name() + "仅支持省内参保人员办理" : bundle.applicability())), null);
                } else {
                    t.enqueue(OutboxEvent.of(OneThingEvents.FAMILY_SHARING_REQUESTED, caseId, regionCode,
                            new OneThingEvents.FamilySharingRequested(caseId, caseNumber, idNumber, regionCode, relatives)));
                }
            }
            t.parts.add(part);
        }
        return t.marked();
    }

    /** Keeps {@link #pending} in step with the parts; every change ends with it. */
    OneThing marked() {
        pending = settled() ? null : Boolean.TRUE;
        return this;
    }

    /** The 备案 part's own case completed: the filing is in force, so the parts it enables are too. */
    OneThing filingDone(String filingCaseNumber, String validity) {
        replace(FILING_SERVICE, p -> p.with(State.DONE, filingCaseNumber, null, null, validity));
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).mode() == BundleDefinition.Mode.ENABLED) {
                parts.set(i, parts.get(i).with(State.ENABLED, null, null, null,
                        "备案编号" + filingCaseNumber + "：持有效身份证件在就医地定点医药机构直接结算"));
            }
        }
        return marked();
    }

    /**
     * The 备案 part's own case is stored but not finished (a region where 备案 is not a 即办件): its number is kept and
     * the part waits for the case's end ({@code OneThingApplications.filingEnded}).
     */
    OneThing filingWaiting(String filingCaseNumber) {
        replace(FILING_SERVICE, p -> p.with(State.PENDING, filingCaseNumber, null, null, "异地就医备案办理中"));
        return marked();
    }

    /** The 备案 part, if the bundle applied for one. */
    java.util.Optional<Part> filingPart() {
        return parts.stream().filter(p -> p.service().equals(FILING_SERVICE) && p.mode() == BundleDefinition.Mode.APPLY)
                .findFirst();
    }

    /** Whether the 备案 part still waits (for the given case number; null: for a case it does not know yet). */
    boolean filingWaitsFor(String filingCaseNumber) {
        return filingPart().filter(p -> p.state() == State.PENDING)
                .map(p -> java.util.Objects.equals(p.caseNumber(), filingCaseNumber)).orElse(false);
    }

    /** The 备案 part was refused (its own case, if one was stored, is named); the parts it enables stay closed. */
    OneThing filingRefused(String filingCaseNumber, List<Reason> reasons) {
        replace(FILING_SERVICE, p -> p.with(State.REFUSED, filingCaseNumber, null, reasons, null));
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).mode() == BundleDefinition.Mode.ENABLED) {
                parts.set(i, parts.get(i).with(State.NOT_ENABLED, null, null, null, "异地就医备案未办成，暂不能跨省直接结算"));
            }
        }
        return marked();
    }

    /** enrollment-service's answer to the 家庭共济 request (applied once per answer event through the inbox). */
    OneThing familyAnswered(FamilySharingEvents.FamilySharingResult result) {
        boolean done = result.reasons() == null || result.reasons().isEmpty();
        replace(FAMILY_SERVICE, p -> p.state() != State.PENDING ? p
                : p.with(done ? State.DONE : State.REFUSED, null, result.bound(), result.reasons(),
                done ? null : result.bound() == null || result.bound().isEmpty() ? null
                        : "已绑定：" + String.join("、", result.bound())));
        return marked();
    }

    private void replace(String service, java.util.function.UnaryOperator<Part> change) {
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.service().equals(service) && p.mode() == BundleDefinition.Mode.APPLY) {
                parts.set(i, change.apply(p));
                return;
            }
        }
    }

    /** Whether every part applied for has its result. */
    public boolean settled() {
        return parts.stream().noneMatch(p -> p.state() == State.PENDING);
    }

    /** Whether at least one part applied for was done. */
    public boolean anyDone() {
        return parts.stream().anyMatch(p -> p.mode() == BundleDefinition.Mode.APPLY && p.state() == State.DONE);
    }

    /** Every reason of every refused part, each named with its part (the bundle's 一次性告知). */
    public List<Reason> refusals() {
        List<Reason> all = new ArrayList<>();
        for (Part p : parts) {
            if (p.state() == State.REFUSED) {
                p.reasons().forEach(r -> all.add(Reason.at(r.field() == null ? p.name() : p.name() + "." + r.field(),
                        r.code(), "「" + p.name() + "」" + r.message())));
            }
        }
        return all;
    }

    /**
     * 一次性告知 of the bundle, once every part has its result: which parts were not done and every reason, and that
     * the parts done stand; null while parts run or when nothing was refused.
     */
    public String notice() {
        if (!settled()) {
            return null;
        }
        List<Part> refused = parts.stream().filter(p -> p.state() == State.REFUSED).toList();
        if (refused.isEmpty()) {
            return null;
        }
        String why = refused.stream().map(p -> "「" + p.name() + "」未办成：" + p.reasons().stream().map(Reason::message)
                .collect(Collectors.joining("；"))).collect(Collectors.joining("。"));
        List<String> done = parts.stream().filter(p -> p.mode() == BundleDefinition.Mode.APPLY && p.state() == State.DONE)
                .map(p -> "「" + p.name() + "」").toList();
        return "您申请的「" + name + "」（办件号" + caseNumber + "）：" + why + "。"
                + (done.isEmpty() ? "各事项均未办成，请按上述原因一次性补齐后重新申请。"
                : String.join("", done) + "已办结，不受影响；未办成的事项可按上述原因补齐后单独申请。");
    }

    public String getCaseId() { return caseId; }
    public String getCaseNumber() { return caseNumber; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getIdNumber() { return idNumber; }
    public String getPersonName() { return personName; }
    public String getRegionCode() { return regionCode; }
    public List<Part> getParts() { return List.copyOf(parts); }
    public Instant getSubmittedAt() { return submittedAt; }
    public boolean isPending() { return Boolean.TRUE.equals(pending); }
}
