package org.jingban.platform.benefits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jingban.platform.money.Money;

/** Every problem of a claim at once, in Chinese (a clerk fixes them in one go). */
final class ClaimValidation {

    private ClaimValidation() {
    }

    static List<String> problems(Claim claim) {
        List<String> problems = new ArrayList<>();
        if (claim == null) {
            problems.add("缺少就医信息");
            return problems;
        }
        requirePresent(problems, claim.scheme(), "险种");
        requirePresent(problems, claim.level(), "医疗机构级别");
        requirePresent(problems, claim.place(), "就医地");
        requirePresent(problems, claim.visit(), "就医类型");
        if (claim.lines() == null || claim.lines().isEmpty()) {
            problems.add("费用明细不能为空");
        } else {
            for (int i = 0; i < claim.lines().size(); i++) {
                line(problems, i + 1, claim.lines().get(i));
            }
        }
        yearToDate(problems, claim.yearToDate());
        Money balance = claim.personalAccountBalance();
        nonNegative(problems, balance, "个人账户余额");
        if (claim.scheme() == Scheme.RESIDENT && balance != null && balance.signum() > 0) {
            problems.add("城乡居民基本医疗保险没有个人账户，个人账户余额应为0");
        }
        return problems;
    }

    private static void line(List<String> problems, int number, BillLine line) {
        String prefix = "费用明细第" + number + "行" + (line.name() == null || line.name().isBlank() ? "" : "（" + line.name() + "）");
        if (line.category() == null) {
            problems.add(prefix + "未填写费用类别（甲类、乙类、丙类或自费）");
        }
        BigDecimal quantity = line.quantity();
        if (quantity == null) {
            problems.add(prefix + "未填写数量");
        } else if (quantity.signum() < 0) {
            problems.add(prefix + "数量不能为负数：" + quantity.toPlainString());
        }
        nonNegative(problems, line.unitPrice(), prefix + "单价");
        nonNegative(problems, line.amount(), prefix + "金额");
        if (quantity != null && line.unitPrice() != null && line.amount() != null) {
            Money expected = Money.of(quantity.multiply(line.unitPrice().yuan()));
            if (!expected.equals(line.amount())) {
                problems.add(prefix + "金额" + line.amount() + "元与数量×单价不符（" + quantity.toPlainString() + "×"
                        + line.unitPrice() + "=" + expected + "元）");
            }
        }
    }

    private static void yearToDate(List<String> problems, YearToDate yearToDate) {
        if (yearToDate == null) {
            problems.add("未填写本年度累计（首次就医为零）");
            return;
        }
        nonNegative(problems, yearToDate.deductiblePaid(), "本年度累计门诊起付线");
        nonNegative(problems, yearToDate.basicFundPaid(), "本年度累计统筹基金支付");
        nonNegative(problems, yearToDate.outpatientFundPaid(), "本年度累计门诊统筹支付");
        nonNegative(problems, yearToDate.chronicFundPaid(), "本年度累计门诊慢特病统筹支付");
        nonNegative(problems, yearToDate.criticalIllnessPaid(), "本年度累计大病保险支付");
        nonNegative(problems, yearToDate.assistancePaid(), "本年度累计医疗救助支付");
        nonNegative(problems, yearToDate.eligiblePersonalShare(), "本年度累计政策范围内个人负担");
    }

    private static void requirePresent(List<String> problems, Object value, String name) {
        if (value == null) {
            problems.add("未填写" + name);
        }
    }

    private static void nonNegative(List<String> problems, Money amount, String name) {
        if (amount == null) {
            problems.add("未填写" + name);
        } else if (amount.isNegative()) {
            problems.add(name + "不能为负数：" + amount + "元");
        }
    }
}
