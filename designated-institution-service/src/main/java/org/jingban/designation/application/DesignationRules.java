package org.jingban.designation.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jingban.designation.agreement.Agreement;
import org.jingban.platform.cases.Reason;

/**
 * 办理条件 of an application for 定点 that only this service can see, all at once (一次性告知). Pure: the caller loads
 * the institution's dossiers and agreements.
 */
public final class DesignationRules {

    /** 整改3个月后可再次申请评估 (seed 002 §二十五 组织评估③; 表23 备注2). */
    public static final int MONTHS_AFTER_FIRST_FAILURE = 3;
    /** 再次评估仍不合格的，12个月内不得再次申请 (表23 备注2). */
    public static final int MONTHS_AFTER_REPEATED_FAILURE = 12;

    private DesignationRules() {
    }

    public static List<Reason> check(DesignationForm form, List<Dossier> dossiers, List<Agreement> agreements,
                                     boolean running, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        agreements.stream().filter(a -> a.getStatus() != Agreement.Status.TERMINATED).findFirst().ifPresent(a ->
                reasons.add(Reason.at("统一社会信用代码", "already-designated", "该机构已是定点医药机构（编码"
                        + a.getInstitutionCode() + "，协议状态：" + a.getStatus().label() + "），无需重新申请定点")));
        if (running) {
            reasons.add(Reason.at("统一社会信用代码", "application-running", "该机构已有正在办理的定点申请，请勿重复申请"));
        }
        barredUntil(dossiers).filter(until -> today.isBefore(until.until())).ifPresent(bar -> reasons.add(Reason.at(
                "统一社会信用代码", bar.repeat() ? "barred-12-months" : "barred-3-months",
                (bar.repeat() ? "再次评估仍不合格（评估不合格告知书" : "评估不合格（评估不合格告知书")
                        + bar.noticeNumber() + "，" + bar.noticeOn() + "送达），" + (bar.repeat()
                        ? "12个月内不得再次申请，" : "整改3个月后方可再次申请，") + "请于" + bar.until() + "起再行申请")));
        LocalDate licence = form.licenceValidUntil();
        if (licence != null && licence.isBefore(today)) {
            reasons.add(Reason.at(form.kind() == org.jingban.designation.agreement.InstitutionKind.MEDICAL_INSTITUTION
                    ? "医疗机构执业许可证有效期限截止日期" : "药品经营许可证有效期截止日期", "licence-expired",
                    "许可证已于" + licence + "过期，请持有效许可证申请"));
        }
        return reasons;
    }

    /** The bar the latest failed evaluation sets: from its notice (表23), 3 months, or 12 after a repeated failure. */
    public record Bar(String noticeNumber, LocalDate noticeOn, boolean repeat, LocalDate until) {
    }

    public static Optional<Bar> barredUntil(List<Dossier> dossiers) {
        return dossiers.stream().filter(d -> d.getEvaluation() != null && !d.getEvaluation().passed())
                .max(Comparator.comparing(d -> d.getEvaluation().evaluatedOn()))
                .map(d -> {
                    LocalDate on = d.getEvaluation().evaluatedOn();
                    boolean repeat = d.getEvaluation().repeat();
                    return new Bar(d.getCaseNumber(), on, repeat,
                            on.plusMonths(repeat ? MONTHS_AFTER_REPEATED_FAILURE : MONTHS_AFTER_FIRST_FAILURE));
                });
    }

    /**
     * Whether a failure now is a 再次评估不合格 (表23): an earlier evaluation of the institution failed and no agreement
     * was signed since.
     */
    public static boolean repeatedFailure(String caseId, List<Dossier> dossiers, List<Agreement> agreements) {
        LocalDate lastSigned = agreements.stream().map(a -> a.getValidFrom()).max(Comparator.naturalOrder()).orElse(null);
        return dossiers.stream().anyMatch(d -> !d.getId().equals(caseId) && d.getEvaluation() != null
                && !d.getEvaluation().passed()
                && (lastSigned == null || d.getEvaluation().evaluatedOn().isAfter(lastSigned)));
    }
}
