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
        barredUntil(dossiers).filter(bar -> bar.until() == null || today.isBefore(bar.until())).ifPresent(bar ->
                reasons.add(Reason.at("统一社会信用代码", bar.repeat() ? "barred-12-months" : "barred-3-months",
                        bar.message())));
        LocalDate licence = form.licenceValidUntil();
        if (licence != null && licence.isBefore(today)) {
            reasons.add(Reason.at(form.kind() == org.jingban.designation.agreement.InstitutionKind.MEDICAL_INSTITUTION
                    ? "医疗机构执业许可证有效期限截止日期" : "药品经营许可证有效期截止日期", "licence-expired",
                    "许可证已于" + licence + "过期，请持有效许可证申请"));
        }
        return reasons;
    }

    /**
     * The bar the latest failed evaluation sets, counted from the day its notice (表23) was 送达 (seed 002 §二十五–二十六
     * 组织评估③ "自结果告知送达之日起"; 表23 备注2 "自初次评估结果送达起"): 3 months, or 12 after a repeated failure. Before the
     * notice is delivered the bar has not begun to run: {@code deliveredOn} and {@code until} are null, and a new
     * application is refused until 3 (12) months after a 送达 still to come.
     */
    public record Bar(String noticeNumber, LocalDate evaluatedOn, LocalDate deliveredOn, boolean repeat, LocalDate until) {

        String message() {
            String what = (repeat ? "再次评估仍不合格（评估不合格告知书" : "评估不合格（评估不合格告知书") + noticeNumber;
            String rule = repeat ? "12个月内不得再次申请" : "整改3个月后方可再次申请";
            return deliveredOn == null
                    ? what + "，" + evaluatedOn + "出具，尚未送达）：自告知书送达之日起" + rule + "；请先签收告知书"
                    : what + "，" + deliveredOn + "送达），自送达之日起" + rule + "，请于" + until + "起再行申请";
        }
    }

    public static Optional<Bar> barredUntil(List<Dossier> dossiers) {
        return dossiers.stream().filter(d -> d.getEvaluation() != null && !d.getEvaluation().passed())
                .max(Comparator.comparing(d -> d.getEvaluation().evaluatedOn()))
                .map(d -> {
                    boolean repeat = d.getEvaluation().repeat();
                    LocalDate delivered = d.getNoticeDelivery() == null ? null : d.getNoticeDelivery().deliveredOn();
                    return new Bar(d.getCaseNumber(), d.getEvaluation().evaluatedOn(), delivered, repeat,
                            delivered == null ? null : reapplyFrom(delivered, repeat));
                });
    }

    /** The first day a new application is possible after a notice delivered on {@code deliveredOn}. */
    public static LocalDate reapplyFrom(LocalDate deliveredOn, boolean repeat) {
        return deliveredOn.plusMonths(repeat ? MONTHS_AFTER_REPEATED_FAILURE : MONTHS_AFTER_FIRST_FAILURE);
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
