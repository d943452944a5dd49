package org.jingban.designation.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.platform.cases.Reason;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an accepted application for 定点 gathers beyond its case (办件): the 评估 and its findings, the 公示 with the
 * objections filed and how each was resolved, the 协商谈判 and the agreement it led to. Its id is the case's id. The
 * case keeps 受理, 补正 and 不予受理 (the documents 表19–表22 are read from its history); the rules of each step are here
 * and return every reason against it at once (empty: done).
 */
@Document("designation_dossiers")
public class Dossier {

    /** 评估 (seed 002 §二十五 组织评估①–③). */
    public record Evaluation(boolean passed, String method, String evaluator, String findings, List<String> reasons,
                             List<String> suggestions, boolean repeat, String evaluatedBy, LocalDate evaluatedOn,
                             LocalDate filedWithAdministrationOn) {
    }

    public enum Resolution { UPHELD, DISMISSED }

    /** An objection filed during the 公示. */
    public record Objection(int no, String objector, String content, LocalDate filedOn, String recordedBy,
                            Resolution resolution, String resolutionText, String resolvedBy, LocalDate resolvedOn) {
        Objection resolve(Resolution r, String text, String by, LocalDate on) {
            return new Objection(no, objector, content, filedOn, recordedBy, r, text, by, on);
        }
    }

    /** 公示: at least 5 working days after the day it starts ({@code endsOn} is the last day), then concluded. */
    public record Publicity(LocalDate startedOn, LocalDate endsOn, String startedBy, LocalDate concludedOn,
                            String concludedBy, boolean passed) {
    }

    /**
     * 送达 of the 评估不合格告知书 (表23's 签收人, 签收人联系电话, 签收日期): how it reached the institution and the day it
     * did — the day the bars count from (seed 002 §二十五–二十六 组织评估③ "自结果告知送达之日起"). The phone is personal
     * data: views mask it.
     */
    public record NoticeDelivery(String method, String recipient, String recipientPhone, LocalDate deliveredOn,
                                 String recordedBy, Instant recordedAt) {

        /** 直接送达 (at the window, 签收 on the office's copy), 邮寄送达 (the date on the postal receipt), 电子送达. */
        public static final List<String> METHODS = List.of("直接送达", "邮寄送达", "电子送达");
        /** What the institution itself does online: it signs for the notice it has (电子签收). */
        public static final String ELECTRONIC = "电子送达";

        /** The phone as views show it: a mobile's first 3 and last 4 digits; a fixed line (an office's) as it is. */
        public String maskedPhone() {
            return recipientPhone == null || recipientPhone.startsWith("0") ? recipientPhone
                    : org.jingban.platform.identifiers.Masking.mobile(recipientPhone);
        }

        @Override
        public String toString() {
            return "NoticeDelivery[" + method + ", " + deliveredOn + "]";
        }
    }

    /** 协商谈判 and, when agreed, the scope; the agreement is signed within 5 working days ({@code signBy}). */
    public record Negotiation(boolean agreed, List<String> scope, String remark, String negotiatedBy,
                              LocalDate negotiatedOn, LocalDate signBy) {
    }

    @Id
    private String id;
    @Version
    private Long version;
    private String caseNumber;
    private InstitutionKind kind;
    private String regionCode;
    private String creditCode;
    private String institutionName;
    private LocalDate submittedOn;
    private Evaluation evaluation;
    private Publicity publicity;
    private List<Objection> objections;
    private Negotiation negotiation;
    private NoticeDelivery noticeDelivery;
    private String agreementNumber;
    private String institutionCode;
    private Instant createdAt;

    protected Dossier() {
    }

    public static Dossier open(String caseId, String caseNumber, InstitutionKind kind, String regionCode,
                               String creditCode, String institutionName, LocalDate submittedOn, Instant at) {
        Dossier d = new Dossier();
        d.id = caseId;
        d.caseNumber = caseNumber;
        d.kind = kind;
        d.regionCode = regionCode;
        d.creditCode = creditCode;
        d.institutionName = institutionName;
        d.submittedOn = submittedOn;
        d.objections = new ArrayList<>();
        d.createdAt = at;
        return d;
    }

    // ------------------------------------------------------------------ 评估

    public List<Reason> evaluate(Evaluation e) {
        List<Reason> found = new ArrayList<>();
        if (evaluation != null) {
            found.add(Reason.of("evaluation.done", "本申请已于" + evaluation.evaluatedOn() + "评估，结果为"
                    + (evaluation.passed() ? "合格" : "不合格")));
        }
        if (found.isEmpty()) {
            evaluation = e;
        }
        return found;
    }

    /**
     * 送达 of the 评估不合格告知书 (表23), recorded once: only after a failed evaluation, on a day neither before the
     * notice was issued (the evaluation day, its 经办日期) nor after today.
     */
    public List<Reason> recordNoticeDelivery(NoticeDelivery delivery, LocalDate today) {
        List<Reason> found = new ArrayList<>();
        if (evaluation == null || evaluation.passed()) {
            found.add(Reason.of("notice.none", "本申请没有评估不合格告知书"));
        } else if (noticeDelivery != null) {
            found.add(Reason.of("notice.delivered", "评估不合格告知书已于" + noticeDelivery.deliveredOn() + "送达（"
                    + noticeDelivery.method() + "）"));
        } else if (delivery.deliveredOn().isBefore(evaluation.evaluatedOn())) {
            found.add(Reason.at("签收日期", "before-notice", "签收日期不能早于告知书经办日期" + evaluation.evaluatedOn()));
        }
        if (delivery.deliveredOn().isAfter(today)) {
            found.add(Reason.at("签收日期", "in-future", "签收日期不能晚于今天"));
        }
        if (found.isEmpty()) {
            noticeDelivery = delivery;
        }
        return found;
    }

    // ------------------------------------------------------------------ 公示 and objections

    public List<Reason> startPublicity(LocalDate on, LocalDate endsOn, String by) {
        List<Reason> found = new ArrayList<>();
        if (evaluation == null || !evaluation.passed()) {
            found.add(Reason.of("publicity.not-evaluated", "评估合格后方可公示"));
        }
        if (publicity != null) {
            found.add(Reason.of("publicity.started", "公示已于" + publicity.startedOn() + "开始（至" + publicity.endsOn() + "）"));
        }
        if (found.isEmpty()) {
            publicity = new Publicity(on, endsOn, by, null, null, false);
        }
        return found;
    }

    public List<Reason> fileObjection(String objector, String content, LocalDate today, String by) {
        List<Reason> found = new ArrayList<>();
        if (publicity == null) {
            found.add(Reason.of("publicity.not-started", "尚未公示，不能登记异议"));
        } else if (today.isBefore(publicity.startedOn()) || today.isAfter(publicity.endsOn())) {
            // seed 002 §二十五 组织评估②: objections are filed during the 公示
            found.add(Reason.of("publicity.closed", "公示期为" + publicity.startedOn() + "至" + publicity.endsOn()
                    + "，异议须在公示期内提出"));
        }
        if (found.isEmpty()) {
            objections.add(new Objection(objections.size() + 1, objector, content, today, by, null, null, null, null));
        }
        return found;
    }

    public List<Reason> resolveObjection(int no, Resolution resolution, String text, LocalDate today, String by) {
        List<Reason> found = new ArrayList<>();
        if (no < 1 || no > objections.size()) {
            found.add(Reason.of("objection.unknown", "没有第" + no + "项异议"));
        } else if (objections.get(no - 1).resolution() != null) {
            found.add(Reason.of("objection.resolved", "第" + no + "项异议已处理"));
        } else if (publicity != null && publicity.concludedOn() != null) {
            found.add(Reason.of("publicity.concluded", "公示已结束"));
        }
        if (found.isEmpty()) {
            objections.set(no - 1, objections.get(no - 1).resolve(resolution, text, by, today));
        }
        return found;
    }

    /**
     * Concluding the 公示: only after its last day, every objection resolved, and by someone else than who decided the
     * 评估 (评估 and 公示 decisions are separated by person). Passed unless an objection was upheld.
     */
    public List<Reason> concludePublicity(LocalDate today, String by) {
        List<Reason> found = new ArrayList<>();
        if (publicity == null) {
            found.add(Reason.of("publicity.not-started", "尚未公示"));
        } else {
            if (publicity.concludedOn() != null) {
                found.add(Reason.of("publicity.concluded", "公示已于" + publicity.concludedOn() + "结束"));
            }
            // seed 002 §二十五 组织评估②: 公示期不少于5个工作日
            if (!today.isAfter(publicity.endsOn())) {
                found.add(Reason.of("publicity.running", "公示期至" + publicity.endsOn() + "（不少于5个工作日），公示期满后方可办理"));
            }
        }
        List<Integer> open = objections.stream().filter(o -> o.resolution() == null).map(Objection::no).toList();
        if (!open.isEmpty()) {
            found.add(Reason.of("objection.open", "尚有异议未处理：第" + open.stream().map(String::valueOf)
                    .reduce((a, b) -> a + "、" + b).orElse("") + "项"));
        }
        if (evaluation != null && by.equals(evaluation.evaluatedBy())) {
            found.add(Reason.of("separation-of-duties", "评估与公示结论须由不同人员作出：您已作出本申请的评估结论"));
        }
        if (found.isEmpty()) {
            publicity = new Publicity(publicity.startedOn(), publicity.endsOn(), publicity.startedBy(), today, by,
                    upheld().isEmpty());
        }
        return found;
    }

    public List<Objection> upheld() {
        return objections.stream().filter(o -> o.resolution() == Resolution.UPHELD).toList();
    }

    // ------------------------------------------------------------------ 协商谈判 and 签订

    public List<Reason> negotiate(Negotiation n) {
        List<Reason> found = new ArrayList<>();
        if (publicity == null || !publicity.passed()) {
            found.add(Reason.of("publicity.not-passed", "公示期满且无成立的异议后方可协商谈判"));
        }
        if (negotiation != null) {
            found.add(Reason.of("negotiation.done", "已于" + negotiation.negotiatedOn() + "协商谈判"));
        }
        if (found.isEmpty()) {
            negotiation = n;
        }
        return found;
    }

    public List<Reason> canSign() {
        List<Reason> found = new ArrayList<>();
        if (negotiation == null || !negotiation.agreed()) {
            found.add(Reason.of("negotiation.not-agreed", "协商谈判达成一致后方可签订医保协议"));
        }
        return found;
    }

    public boolean signed(String agreementNumber, String institutionCode) {
        if (this.agreementNumber != null) {
            return false;
        }
        this.agreementNumber = agreementNumber;
        this.institutionCode = institutionCode;
        return true;
    }

    public String getId() { return id; }
    public Long getVersion() { return version; }
    public String getCaseNumber() { return caseNumber; }
    public InstitutionKind getKind() { return kind; }
    public String getRegionCode() { return regionCode; }
    public String getCreditCode() { return creditCode; }
    public String getInstitutionName() { return institutionName; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public Evaluation getEvaluation() { return evaluation; }
    public Publicity getPublicity() { return publicity; }
    public List<Objection> getObjections() { return List.copyOf(objections); }
    public Negotiation getNegotiation() { return negotiation; }
    public NoticeDelivery getNoticeDelivery() { return noticeDelivery; }
    public String getAgreementNumber() { return agreementNumber; }
    public String getInstitutionCode() { return institutionCode; }
    public Instant getCreatedAt() { return createdAt; }
}
