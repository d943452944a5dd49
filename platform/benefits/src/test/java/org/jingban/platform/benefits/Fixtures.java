package org.jingban.platform.benefits;

import java.math.BigDecimal;
import java.util.List;

import org.jingban.platform.money.Money;

/** Small builders for the worked examples: amounts as text, one-unit bill lines, claims with the usual defaults. */
final class Fixtures {

    static final Policy EMPLOYEE = ExamplePolicies.employee();
    static final Policy RESIDENT = ExamplePolicies.resident();

    private Fixtures() {
    }

    static Money yuan(String amount) {
        return Money.parse(amount);
    }

    static BillLine classA(String amount) {
        return BillLine.of("A01", "甲类药品", Category.A, yuan(amount));
    }

    static BillLine classB(String amount) {
        return BillLine.of("B01", "乙类药品", Category.B, yuan(amount));
    }

    static BillLine classC(String amount) {
        return BillLine.of("C01", "丙类项目", Category.C, yuan(amount));
    }

    static BillLine selfPay(String amount) {
        return BillLine.of("Z01", "自费材料", Category.SELF_PAY, yuan(amount));
    }

    static BillLine line(Category category, String quantity, String unitPrice, String amount) {
        return new BillLine("X01", "项目", category, new BigDecimal(quantity), yuan(unitPrice), yuan(amount));
    }

    /** A visit with nothing had this year, no entitlement, no assistance, no account. */
    static Claim claim(Scheme scheme, InstitutionLevel level, Place place, VisitType visit, BillLine... lines) {
        return new Claim(scheme, "620600", 2025, level, place, visit, false, false, List.of(lines), YearToDate.ZERO,
                Money.ZERO);
    }

    static Claim entitled(Claim claim) {
        return new Claim(claim.scheme(), claim.regionCode(), claim.policyYear(), claim.level(), claim.place(), claim.visit(),
                true, claim.assistanceEligible(), claim.lines(), claim.yearToDate(), claim.personalAccountBalance());
    }

    static Claim assistanceEligible(Claim claim) {
        return new Claim(claim.scheme(), claim.regionCode(), claim.policyYear(), claim.level(), claim.place(), claim.visit(),
                claim.chronicEntitled(), true, claim.lines(), claim.yearToDate(), claim.personalAccountBalance());
    }

    static Claim withBalance(Claim claim, String balance) {
        return new Claim(claim.scheme(), claim.regionCode(), claim.policyYear(), claim.level(), claim.place(), claim.visit(),
                claim.chronicEntitled(), claim.assistanceEligible(), claim.lines(), claim.yearToDate(), yuan(balance));
    }

    static YearToDate yearToDate(String deductiblePaid, String basicFundPaid, String outpatientFundPaid,
                                 String chronicFundPaid, String criticalIllnessPaid, String assistancePaid,
                                 String eligiblePersonalShare) {
        return new YearToDate(yuan(deductiblePaid), yuan(basicFundPaid), yuan(outpatientFundPaid), yuan(chronicFundPaid),
                yuan(criticalIllnessPaid), yuan(assistancePaid), yuan(eligiblePersonalShare));
    }

    /** The breakdown's rule names in order. */
    static List<String> rules(Benefit benefit) {
        return benefit.breakdown().stream().map(Step::rule).toList();
    }

    /** The one step of a rule (fails if there is not exactly one). */
    static Step step(Benefit benefit, String rule) {
        List<Step> steps = benefit.breakdown().stream().filter(s -> s.rule().equals(rule)).toList();
        if (steps.size() != 1) {
            throw new AssertionError("expected one step " + rule + " in " + benefit.breakdown());
        }
        return steps.get(0);
    }
}
