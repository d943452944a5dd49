package org.jingban.platform.benefits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jingban.platform.money.Money;

/**
 * Random policies and claims within sane bounds for the property tests. In <em>whole</em> mode every bill line is a
 * multiple of 100 yuan, every other amount whole yuan and every ratio a whole percent: 先行自付 and the eligible costs
 * are then whole yuan and the fund's share lands on the fen, so that no rounding happens before the fund; otherwise
 * amounts are in fen, quantities have decimals and ratios three decimals.
 */
final class RandomClaims {

    /** A claim and the policy it is calculated with. */
    record Case(Claim claim, Policy policy) {

        Benefit benefit() {
            return BenefitCalculator.calculate(claim, policy);
        }

        Case withClaim(Claim other) {
            return new Case(other, policy);
        }
    }

    private final Random random;
    private final boolean whole;

    RandomClaims(Random random, boolean whole) {
        this.random = random;
        this.whole = whole;
    }

    Case next(int minLines) {
        Policy policy = policy();
        Scheme scheme = pick(Scheme.values());
        Money balance = scheme == Scheme.EMPLOYEE && random.nextBoolean() ? amount(5_000) : Money.ZERO;
        int lines = minLines + random.nextInt(6);
        List<BillLine> bill = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            bill.add(line(i));
        }
        Claim claim = new Claim(scheme, "620600", 2025, pick(InstitutionLevel.values()), pick(Place.values()),
                pick(VisitType.values()), random.nextBoolean(), random.nextBoolean(), bill, yearToDate(policy), balance);
        return new Case(claim, policy);
    }

    BillLine line(int index) {
        Category category = pick(Category.values());
        if (whole) {
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(3));
            Money unitPrice = Money.ofFen(amount(bigOrSmall() / 100).fen() * 100);
            return new BillLine("L" + index, "项目" + index, category, quantity, unitPrice, Money.of(quantity.multiply(unitPrice.yuan())));
        }
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(3000), 3);
        Money unitPrice = amount(bigOrSmall());
        return new BillLine("L" + index, "项目" + index, category, quantity, unitPrice, Money.of(quantity.multiply(unitPrice.yuan())));
    }

    /** Mostly everyday bills, sometimes large ones that reach the caps. */
    private int bigOrSmall() {
        return random.nextInt(5) == 0 ? 150_000 : 3_000;
    }

    Policy policy() {
        return new Policy(
                ratio(0, 30),
                new InpatientPolicy(amounts(2_000), ratios(40, 100)),
                new OutpatientPolicy(amounts(500), ratios(30, 90), amount(6_000)),
                new OutpatientPolicy(amounts(500), ratios(30, 90), amount(10_000)),
                BigDecimal.valueOf(-random.nextInt(11)),
                BigDecimal.valueOf(-random.nextInt(41)),
                amount(1_000, 400_000),
                criticalIllness(),
                new AssistancePolicy(ratio(0, 100), amount(60_000)),
                random.nextBoolean());
    }

    private CriticalIllnessPolicy criticalIllness() {
        Money deductible = amount(30_000);
        List<CriticalIllnessPolicy.Band> bands = new ArrayList<>();
        Money upTo = deductible;
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            upTo = upTo.plus(amount(1, 80_000));
            boolean open = i == count - 1 && random.nextBoolean();
            bands.add(new CriticalIllnessPolicy.Band(open ? null : upTo, ratio(0, 100)));
        }
        return new CriticalIllnessPolicy(deductible, bands, amount(500_000));
    }

    private YearToDate yearToDate(Policy policy) {
        if (random.nextInt(3) == 0) {
            return YearToDate.ZERO;
        }
        Money outpatient = amount(policy.outpatient().annualLimit().fen() / 100 + 1);
        Money chronic = amount(policy.chronic().annualLimit().fen() / 100 + 1);
        Money basic = outpatient.plus(chronic).plus(amount(policy.basicAnnualCap().fen() / 100 + 1));
        return new YearToDate(amount(600), basic, outpatient, chronic, amount(100_000), amount(60_000), amount(200_000));
    }

    private LevelAmounts amounts(long max) {
        return new LevelAmounts(amount(max), amount(max), amount(max));
    }

    private LevelRatios ratios(int minPercent, int maxPercent) {
        return new LevelRatios(ratio(minPercent, maxPercent), ratio(minPercent, maxPercent), ratio(minPercent, maxPercent));
    }

    /** 0 … max yuan: whole yuan, or any fen. */
    Money amount(long max) {
        return amount(0, max);
    }

    private Money amount(long min, long max) {
        if (whole) {
            return Money.ofFen((min + (long) (random.nextDouble() * (max - min + 1))) * 100);
        }
        return Money.ofFen(min * 100 + (long) (random.nextDouble() * ((max - min) * 100 + 1)));
    }

    /** A ratio between two whole percents: a whole percent, or with three decimals (e.g. 0.655). */
    private BigDecimal ratio(int minPercent, int maxPercent) {
        if (whole) {
            return BigDecimal.valueOf(minPercent + random.nextInt(maxPercent - minPercent + 1), 2);
        }
        return BigDecimal.valueOf(minPercent * 10 + random.nextInt((maxPercent - minPercent) * 10 + 1), 3);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
