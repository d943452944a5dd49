package org.jingban.platform.benefits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jingban.platform.money.Money;

/** One run of the rules of {@link BenefitCalculator} over a valid claim, collecting the breakdown as it goes. */
final class Calculation {

    private final Claim claim;
    private final Policy policy;
    private final YearToDate before;
    private final List<Step> steps = new ArrayList<>();

    Calculation(Claim claim, Policy policy) {
        this.claim = claim;
        this.policy = policy;
        this.before = claim.yearToDate();
    }

    Benefit run() {
        Money total = Money.ZERO;
        Money excluded = Money.ZERO;
        Money classA = Money.ZERO;
        Money classB = Money.ZERO;
        for (BillLine line : claim.lines()) {
            total = total.plus(line.amount());
            switch (line.category()) {
                case A -> classA = classA.plus(line.amount());
                case B -> classB = classB.plus(line.amount());
                case C, SELF_PAY -> excluded = excluded.plus(line.amount());
            }
        }
        Money selfPayFirst = classB.times(policy.selfPayFirstRatio());
        Money eligible = classA.plus(classB).minus(selfPayFirst);
        catalogue(excluded, classA, classB, selfPayFirst, eligible);

        VisitType visit = visitType();
        Money deductible = deductible(visit, eligible);
        Money fund = fund(visit, eligible, deductible);
        Money personalShare = eligible.minus(fund);
        Money criticalIllness = criticalIllness(personalShare);
        Money assistance = assistance(personalShare.minus(criticalIllness));
        Money reimbursed = fund.plus(criticalIllness).plus(assistance);
        Money account = personalAccount(eligible.minus(reimbursed), selfPayFirst);
        Money cash = total.minus(reimbursed).minus(account);
        step("个人现金", "个人现金支付" + Texts.yuan(cash)
                + (excluded.signum() > 0 ? "（含丙类及自费" + Texts.yuan(excluded) + "）" : ""), cash);

        YearToDate after = before.plus(visit, deductible, fund, criticalIllness, assistance, personalShare);
        return new Benefit(total, excluded, selfPayFirst, eligible, deductible, fund, criticalIllness, assistance, account,
                cash, steps, after, visit);
    }

    /** 丙类及自费, 乙类先行自付, 政策范围内费用. */
    private void catalogue(Money excluded, Money classA, Money classB, Money selfPayFirst, Money eligible) {
        if (excluded.signum() > 0) {
            step("丙类及自费", "丙类及自费费用" + Texts.yuan(excluded) + "，不属于基本医疗保险政策范围，由个人负担", excluded);
        }
        if (selfPayFirst.signum() > 0) {
            step("乙类先行自付", "乙类费用" + Texts.yuan(classB) + "，按乙类先行自付比例" + Texts.percent(policy.selfPayFirstRatio())
                    + "由个人先行自付" + Texts.yuan(selfPayFirst), selfPayFirst);
        }
        step("政策范围内费用", "政策范围内费用" + Texts.yuan(eligible) + "（甲类" + Texts.yuan(classA) + "，乙类扣除先行自付后"
                + Texts.yuan(classB.minus(selfPayFirst)) + "）", eligible);
    }

    /** 门诊慢特病 is paid as such only with the entitlement; otherwise as 普通门（急）诊. */
    private VisitType visitType() {
        if (claim.visit() == VisitType.CHRONIC_OUTPATIENT && !claim.chronicEntitled()) {
            step("门诊慢特病资格", "未认定门诊慢特病待遇资格，本次按普通门（急）诊计算", Money.ZERO);
            return VisitType.OUTPATIENT;
        }
        return claim.visit();
    }

    /** 起付线: per admission for 住院, the part of the yearly one not yet borne for 门诊. */
    private Money deductible(VisitType visit, Money eligible) {
        String where = claim.level().label() + "医疗机构" + visit.label();
        if (visit == VisitType.INPATIENT) {
            Money line = policy.inpatient().deductible().of(claim.level());
            Money deductible = eligible.min(line);
            if (line.signum() > 0) {
                step("起付线", where + "起付线" + Texts.yuan(line) + (deductible.compareTo(line) < 0
                        ? "，本次政策范围内费用" + Texts.yuan(eligible) + "未超过起付线，全部由个人负担"
                        : "，由个人负担"), deductible);
            }
            return deductible;
        }
        Money line = outpatient(visit).deductible().of(claim.level());
        Money left = line.minus(before.deductiblePaid()).max(Money.ZERO);
        Money deductible = eligible.min(left);
        if (line.signum() > 0) {
            String yearly = where + "年度起付线" + Texts.yuan(line) + "（普通门诊与门诊慢特病合并累计），本年度此前已负担"
                    + Texts.yuan(before.deductiblePaid());
            step("起付线", left.isZero() ? yearly + "，已达到起付线，本次不再负担"
                    : yearly + "，本次由个人负担" + Texts.yuan(deductible), deductible);
        }
        return deductible;
    }

    /** 统筹基金: the ratio above the deductible, within the year's basic cap and the outpatient kind's limit. */
    private Money fund(VisitType visit, Money eligible, Money deductible) {
        Money above = eligible.minus(deductible);
        BigDecimal ratio = policy.ratio(visit, claim.level(), claim.place());
        Money computed = above.times(ratio);
        Money basicRoom = policy.basicAnnualCap().minus(before.basicFundPaid()).max(Money.ZERO);
        Money fund = computed.min(basicRoom);
        Money visitLimit = visit == VisitType.INPATIENT ? null : outpatient(visit).annualLimit();
        Money visitPaid = visit == VisitType.CHRONIC_OUTPATIENT ? before.chronicFundPaid() : before.outpatientFundPaid();
        Money visitRoom = visitLimit == null ? null : visitLimit.minus(visitPaid).max(Money.ZERO);
        if (visitRoom != null) {
            fund = fund.min(visitRoom);
        }
        String where = claim.level().label() + "医疗机构" + visit.label() + "（" + claim.place().label() + "）";
        if (above.isZero()) {
            step("统筹基金", where + "，政策范围内费用未超过起付线，统筹基金不予支付", Money.ZERO);
            return fund;
        }
        String text = where + "，起付线以上政策范围内费用" + Texts.yuan(above) + "，按" + ratioText(visit, ratio)
                + "计算" + Texts.yuan(computed);
        step("统筹基金", fund.equals(computed) ? text + "，统筹基金支付" + Texts.yuan(fund)
                : text + "，受年度支付限额限制，统筹基金支付" + Texts.yuan(fund), fund);
        if (fund.compareTo(computed) < 0) {
            Money cut = computed.minus(fund);
            boolean visitLimitBinds = visitRoom != null && visitRoom.compareTo(basicRoom) < 0;
            String limit = visitLimitBinds
                    ? (visit == VisitType.CHRONIC_OUTPATIENT ? "门诊慢特病" : "普通门（急）诊统筹") + "年度支付限额"
                    + Texts.yuan(visitLimit) + "，本年度此前已支付" + Texts.yuan(visitPaid)
                    : "基本医疗保险统筹基金年度最高支付限额" + Texts.yuan(policy.basicAnnualCap()) + "，本年度此前已支付"
                    + Texts.yuan(before.basicFundPaid());
            step("封顶线", limit + "，超出限额的" + Texts.yuan(cut) + "统筹基金不予支付", cut);
        }
        return fund;
    }

    private String ratioText(VisitType visit, BigDecimal ratio) {
        BigDecimal points = policy.points(claim.place());
        if (points.signum() == 0) {
            return "支付比例" + Texts.percent(ratio);
        }
        return "统筹区内支付比例" + Texts.percent(policy.poolRatio(visit, claim.level()))
                + (points.signum() > 0 ? "提高" : "降低") + Texts.number(points.abs()) + "个百分点后的" + Texts.percent(ratio);
    }

    /** 大病保险 on this visit's eligible personal share, counted over the year. */
    private Money criticalIllness(Money personalShare) {
        CriticalIllnessPolicy rules = policy.criticalIllness();
        if (rules.bands().isEmpty() || personalShare.isZero()) {
            return Money.ZERO;
        }
        Money yearBefore = before.eligiblePersonalShare();
        Money yearAfter = yearBefore.plus(personalShare);
        List<CriticalIllnessPolicy.BandShare> shares = rules.shares(yearBefore, yearAfter);
        if (shares.isEmpty()) {
            step("大病保险", "本年度个人负担的政策范围内费用累计" + Texts.yuan(yearAfter) + (yearAfter.compareTo(rules.deductible()) <= 0
                    ? "，未超过大病保险起付线" + Texts.yuan(rules.deductible())
                    : "，已超过大病保险最高分段") + "，大病保险本次不予支付", Money.ZERO);
            return Money.ZERO;
        }
        Money computed = Money.ZERO;
        for (CriticalIllnessPolicy.BandShare share : shares) {
            String band = share.upTo() == null ? Texts.yuan(share.from()) + "以上部分"
                    : Texts.number(share.from()) + "至" + Texts.yuan(share.upTo()) + "段";
            step("大病保险", "大病保险：本年度个人负担的政策范围内费用累计在" + band + "的本次" + Texts.yuan(share.portion())
                    + "，按" + Texts.percent(share.ratio()) + "支付" + Texts.yuan(share.paid()), share.paid());
            computed = computed.plus(share.paid());
        }
        Money room = rules.annualCap().minus(before.criticalIllnessPaid()).max(Money.ZERO);
        Money paid = computed.min(room);
        if (paid.compareTo(computed) < 0) {
            step("大病保险封顶线", "大病保险年度最高支付限额" + Texts.yuan(rules.annualCap()) + "，本年度此前已支付"
                    + Texts.yuan(before.criticalIllnessPaid()) + "，超出限额的" + Texts.yuan(computed.minus(paid))
                    + "大病保险不予支付", computed.minus(paid));
        }
        return paid;
    }

    /** 医疗救助 on what is still the person's after the basic fund and 大病保险. */
    private Money assistance(Money stillPersonal) {
        if (!claim.assistanceEligible()) {
            return Money.ZERO;
        }
        return assistance(stillPersonal, before, policy, steps);
    }

    /**
     * 医疗救助: its ratio of {@code stillPersonal}, within what the year's cap leaves after {@code before}; the lines of
     * the breakdown added to {@code steps}. The one rule, for a whole calculation and for 医疗救助 alone
     * ({@link BenefitCalculator#assistance}).
     */
    static Money assistance(Money stillPersonal, YearToDate before, Policy policy, List<Step> steps) {
        if (stillPersonal.isZero()) {
            return Money.ZERO;
        }
        AssistancePolicy rules = policy.assistance();
        Money computed = stillPersonal.times(rules.ratio());
        Money room = rules.annualCap().minus(before.assistancePaid()).max(Money.ZERO);
        Money paid = computed.min(room);
        steps.add(new Step("医疗救助", "医疗救助：经基本医疗保险和大病保险支付后个人负担的政策范围内费用" + Texts.yuan(stillPersonal) + "，按"
                + Texts.percent(rules.ratio()) + "计算" + Texts.yuan(computed)
                + (paid.equals(computed) ? "" : "，受年度救助限额限制支付" + Texts.yuan(paid)), paid));
        if (paid.compareTo(computed) < 0) {
            steps.add(new Step("医疗救助封顶线", "医疗救助年度救助限额" + Texts.yuan(rules.annualCap()) + "，本年度此前已救助"
                    + Texts.yuan(before.assistancePaid()) + "，超出限额的" + Texts.yuan(computed.minus(paid)) + "不予救助",
                    computed.minus(paid)));
        }
        return paid;
    }

    /** 个人账户 (职工 only): the eligible costs left to the person, and 乙类先行自付 if the policy allows, up to the balance. */
    private Money personalAccount(Money eligibleLeft, Money selfPayFirst) {
        Money balance = claim.personalAccountBalance();
        if (claim.scheme() != Scheme.EMPLOYEE || balance.signum() <= 0) {
            return Money.ZERO;
        }
        boolean withSelfPayFirst = policy.accountPaysSelfPayFirst() && selfPayFirst.signum() > 0;
        Money payable = withSelfPayFirst ? eligibleLeft.plus(selfPayFirst) : eligibleLeft;
        if (payable.isZero()) {
            return Money.ZERO;
        }
        Money account = payable.min(balance);
        String what = "政策范围内个人负担" + Texts.yuan(eligibleLeft)
                + (withSelfPayFirst ? "及乙类先行自付" + Texts.yuan(selfPayFirst) : "");
        step("个人账户", account.compareTo(payable) < 0
                ? "个人账户余额" + Texts.yuan(balance) + "，全部用于支付" + what + "，不足部分由个人现金支付"
                : "个人账户支付" + what + "，共" + Texts.yuan(account) + "（余额" + Texts.yuan(balance) + "）", account);
        return account;
    }

    private OutpatientPolicy outpatient(VisitType visit) {
        return visit == VisitType.CHRONIC_OUTPATIENT ? policy.chronic() : policy.outpatient();
    }

    private void step(String rule, String text, Money amount) {
        steps.add(new Step(rule, text, amount));
    }
}
