package org.jingban.designation.application;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jingban.designation.agreement.Scopes;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Reason;

/**
 * An application for 定点 as the institution and staff see it: the case's status and stage, and what the dossier
 * recorded. Staff identities (who evaluated, who concluded) and objectors' names are shown to staff only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierView(String caseNumber, String itemCode, String kind, String institutionName, String creditCode,
                          String regionCode, String status, String statusLabel, String currentStage,
                          LocalDate submittedOn, LocalDate acceptedOn, LocalDate supplementDue, LocalDate dueDate,
                          List<Reason> reasons, Evaluation evaluation, Publicity publicity, List<Objection> objections,
                          NoticeDelivery noticeDelivery, Negotiation negotiation, String agreementNumber,
                          String institutionCode) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evaluation(String result, String method, String evaluator, String findings, List<String> reasons,
                             List<String> suggestions, String round, LocalDate evaluatedOn, LocalDate filedWithAdministrationOn,
                             String evaluatedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Publicity(LocalDate startedOn, LocalDate endsOn, LocalDate concludedOn, Boolean passed,
                            String concludedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Objection(int no, String objector, String content, LocalDate filedOn, String resolution,
                            String resolutionText, LocalDate resolvedOn) {
    }

    /**
     * 表23's 送达: how and when, who signed (the phone masked) and the first day a new application is possible (3 or 12
     * months after {@code deliveredOn}); {@code delivered} false while the notice waits to be signed for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeDelivery(boolean delivered, String method, String recipient, String recipientPhone,
                                 LocalDate deliveredOn, LocalDate reapplyFrom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Negotiation(String result, List<String> scope, String remark, LocalDate negotiatedOn, LocalDate signBy) {
    }

    static DossierView of(Case c, Dossier d, LocalDate supplementDue, boolean staff) {
        Dossier.Evaluation e = d == null ? null : d.getEvaluation();
        Dossier.Publicity p = d == null ? null : d.getPublicity();
        Dossier.Negotiation n = d == null ? null : d.getNegotiation();
        DesignationForm form = DesignationSteps.form(c);
        return new DossierView(c.getCaseNumber(), c.getItemCode(), form.kind().label(), form.institutionName(),
                form.creditCode(), c.getRegionCode(), c.getStatus().name(), c.getStatus().label(),
                c.getStatus().finished() ? null : c.currentStageName(), c.getSubmittedOn(), c.getAcceptedOn(),
                supplementDue, c.getDueDate(), c.getReasons(),
                e == null ? null : new Evaluation(e.passed() ? "合格" : "不合格", e.method(), e.evaluator(), e.findings(),
                        e.reasons(), e.suggestions(), e.passed() ? null : e.repeat() ? "再次评估" : "初次评估",
                        e.evaluatedOn(), e.filedWithAdministrationOn(), staff ? e.evaluatedBy() : null),
                p == null ? null : new Publicity(p.startedOn(), p.endsOn(), p.concludedOn(),
                        p.concludedOn() == null ? null : p.passed(), staff ? p.concludedBy() : null),
                d == null ? List.of() : d.getObjections().stream().map(o -> new Objection(o.no(),
                        staff ? o.objector() : null, o.content(), o.filedOn(),
                        o.resolution() == null ? null : o.resolution() == Dossier.Resolution.UPHELD ? "成立" : "不成立",
                        o.resolutionText(), o.resolvedOn())).toList(),
                e == null || e.passed() ? null : delivery(d.getNoticeDelivery(), e.repeat()),
                n == null ? null : new Negotiation(n.agreed() ? "达成一致" : "未达成一致",
                        n.scope().stream().map(Scopes::label).toList(), n.remark(), n.negotiatedOn(), n.signBy()),
                d == null ? null : d.getAgreementNumber(), d == null ? null : d.getInstitutionCode());
    }

    static NoticeDelivery delivery(Dossier.NoticeDelivery n, boolean repeat) {
        return n == null ? new NoticeDelivery(false, null, null, null, null, null)
                : new NoticeDelivery(true, n.method(), n.recipient(), n.maskedPhone(), n.deliveredOn(),
                DesignationRules.reapplyFrom(n.deliveredOn(), repeat));
    }
}
