package org.jingban.offsitefiling.filing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.cases.Reason;

/**
 * 办理条件 of 异地就医备案, every one checked so that a refusal lists them all (一次性告知). Pure: the caller loads the
 * person, their filings and the region's policy.
 */
public final class FilingRules {

    /** The category enrollment-service gives a retired 职工医保 member. */
    static final String RETIRED = "退休人员";

    private FilingRules() {
    }

    /** What the rules decided: the reasons against, and the validity and the filing replaced when there are none. */
    public record Decision(List<Reason> reasons, LocalDate validFrom, LocalDate validUntil, Filing replaced) {
    }

    public static Decision decide(FilingKind kind, FilingForm form, ItemDefinition item, InsuredPerson.Coverage coverage,
                                  List<Filing> filings, FilingProperties.Policy policy, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        String insured = coverage.regionCode();
        String destination = form.destination();
        if (!coverage.active()) {
            reasons.add(Reason.at("参保险种", "not-active", "参保地" + insured + "的" + coverage.insuranceType() + "为"
                    + coverage.statusLabel() + "状态，参保缴费期间方可办理异地就医备案"));
        }
        // 002 §十二 办理条件: 职工基本医疗保险参保人员，退休后长期在参保统筹地区外居住并且户籍迁入定居地
        if (kind == FilingKind.RESETTLED_RETIREE && !(InsuranceTypes.EMPLOYEE_INSURANCE.equals(coverage.insuranceType())
                && RETIRED.equals(coverage.category()))) {
            reasons.add(Reason.at("参保险种", "not-retired-employee", "异地安置退休人员备案仅限职工基本医疗保险退休人员（现为"
                    + coverage.insuranceType() + (coverage.category() == null ? "" : "·" + coverage.category()) + "）"));
        }
        // 在参保统筹地区外 (002 §十二–十五 事项描述): neither inside the 参保地 nor a city or province that contains it
        if (Destinations.covers(insured, destination) || Destinations.covers(destination, insured)) {
            reasons.add(Reason.at("就医地", "own-pool", "就医地在参保统筹地区内，无需办理异地就医备案"));
        }
        // seed 003 (松潘) §十六–十九 备注: 外伤暂不能跨省直接结算
        if (form.isInjury() && Destinations.differentProvinces(insured, destination)) {
            reasons.add(Reason.at("是否外伤", "injury-cross-province", "外伤暂不能跨省直接结算，外伤只能办理省内异地就医备案"));
        }
        for (String name : form.promised()) {
            Optional<Material> material = item.materials().stream().filter(m -> m.name().equals(name)).findFirst();
            if (material.isEmpty() || !material.get().name().contains("个人承诺书")) {
                reasons.add(Reason.at("承诺替代材料", "no-promise-path", "「" + name + "」不能以个人承诺书替代"
                        + (kind == FilingKind.REFERRAL ? "，转诊须由具有转诊资质的定点医疗机构开具证明" : "")));
            }
        }
        LocalDate from = form.start(kind);
        if (kind == FilingKind.EMERGENCY && from != null) {
            if (from.isAfter(today)) {
                reasons.add(Reason.at("入院日期", "not-yet", "急诊、抢救住院登记备案在入院后办理，入院日期不能晚于今天"));
            } else if (policy.lateFilingDays() != null && ChronoUnit.DAYS.between(from, today) > policy.lateFilingDays()) {
                reasons.add(Reason.at("入院日期", "too-late", "入院已超过" + policy.lateFilingDays() + "天，已超过补办备案期限"));
            }
        }
        LocalDate until = validUntil(kind, form, policy, from);
        List<Filing> active = filings.stream().filter(f -> f.getStatus() == Filing.Status.ACTIVE).toList();
        Filing replaced = null;
        if (form.change()) {
            Optional<Filing> current = active.stream().max((a, b) -> a.getValidFrom().compareTo(b.getValidFrom()));
            if (current.isEmpty()) {
                reasons.add(Reason.at("登记类别", "nothing-to-change", "没有可变更的有效备案，请选择登记类别「新增」"));
            } else {
                replaced = current.get();
                Integer months = policy.minimumHoldingMonths();
                if (replaced.getKind().longTerm() && months != null
                        && replaced.getValidFrom().plusMonths(months).isAfter(today)) {
                    reasons.add(Reason.at("登记类别", "holding-period", "备案（编号" + replaced.getFilingNumber() + "，"
                            + replaced.getValidFrom() + "起）未满" + months + "个月，暂不能变更"));
                }
            }
        } else if (from != null) {
            active.stream().filter(f -> f.overlaps(from, until)).findFirst().ifPresent(f -> reasons.add(Reason.at(
                    "登记类别", "overlapping", "已有有效的异地就医备案（编号" + f.getFilingNumber() + "，就医地"
                            + f.getDestinationCode() + "，有效期" + f.validityText() + "），请办理变更或先取消备案")));
        }
        return new Decision(reasons, from, until, replaced);
    }

    /** Long-term kinds: until cancelled; a stay filed afterwards: to the discharge; others: the region's validity. */
    static LocalDate validUntil(FilingKind kind, FilingForm form, FilingProperties.Policy policy, LocalDate from) {
        if (from == null || kind.longTerm()) {
            return null;
        }
        if (kind == FilingKind.EMERGENCY && form.discharge() != null) {
            return form.discharge();
        }
        return policy.validDays() == null ? null : from.plusDays(policy.validDays() - 1L);
    }
}
