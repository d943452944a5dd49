package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jingban.platform.benefits.RandomClaims.Case;
import org.jingban.platform.money.Money;

/**
 * What holds for every bill, claim and policy within sane bounds ({@link RandomClaims}): random policies, not only the
 * example ones, so that no property leans on a particular number.
 */
class BenefitPropertiesTest {

    private static final Money FEN_TOLERANCE = Money.parse("0.02");

    /** A claim before and after its bill grew. */
    record Growth(Case before, Case after) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> new RandomClaims(random, random.nextBoolean()).next(1));
    }

    @Provide
    Arbitrary<Growth> addedLines() {
        return Arbitraries.randomValue(random -> {
            RandomClaims claims = new RandomClaims(random, random.nextBoolean());
            Case before = claims.next(1);
            List<BillLine> lines = new ArrayList<>(before.claim().lines());
            lines.add(random.nextInt(lines.size() + 1), claims.line(lines.size()));
            return new Growth(before, before.withClaim(before.claim().withLines(lines)));
        });
    }

    @Provide
    Arbitrary<Growth> raisedLines() {
        return Arbitraries.randomValue(random -> {
            RandomClaims claims = new RandomClaims(random, random.nextBoolean());
            Case before = claims.next(1);
            List<BillLine> lines = new ArrayList<>(before.claim().lines());
            int i = random.nextInt(lines.size());
            BillLine line = lines.get(i);
            lines.set(i, BillLine.of(line.code(), line.name(), line.category(), line.amount().plus(claims.amount(20_000))));
            return new Growth(before, before.withClaim(before.claim().withLines(lines)));
        });
    }

    /** (a) What the three funds pay together never exceeds the eligible costs; the fund never pays the deductible. */
    @Property(tries = 300)
    void the_funds_never_pay_more_than_the_eligible_costs(@ForAll("cases") Case c) {
        Benefit benefit = c.benefit();

        assertThat(benefit.reimbursed()).isLessThanOrEqualTo(benefit.eligible());
        assertThat(benefit.fund()).isLessThanOrEqualTo(benefit.eligible().minus(benefit.deductible()));
        assertThat(benefit.criticalIllness().plus(benefit.assistance()))
                .isLessThanOrEqualTo(benefit.eligible().minus(benefit.fund()));
    }

    /** (b) A further line never lowers the fund nor what the funds pay together. */
    @Property(tries = 300)
    void adding_a_line_never_lowers_the_fund_nor_the_reimbursement(@ForAll("addedLines") Growth growth) {
        assertNotLower(growth);
    }

    /** (b) A dearer line never lowers the fund nor what the funds pay together. */
    @Property(tries = 300)
    void raising_a_line_never_lowers_the_fund_nor_the_reimbursement(@ForAll("raisedLines") Growth growth) {
        assertNotLower(growth);
    }

    private static void assertNotLower(Growth growth) {
        Benefit before = growth.before().benefit();
        Benefit after = growth.after().benefit();
        assertThat(after.eligible()).isGreaterThanOrEqualTo(before.eligible());
        assertThat(after.fund()).isGreaterThanOrEqualTo(before.fund());
        assertThat(after.reimbursed()).isGreaterThanOrEqualTo(before.reimbursed());
    }

    /**
     * (c) Outpatient (普通门诊, 门诊慢特病): one bill paid as two visits of the same person, level and place — the second
     * with the first's year to date — pays exactly the same fund and the same deductible as one visit. The yearly
     * deductible is counted across the two ({@code d1 + d2 = min(E1 + E2, left)}), so the parts above it add up to the
     * one visit's, and the annual limits cut the sum where they cut the whole. Exact when nothing is rounded: lines in
     * hundreds of yuan, whole percents ({@link RandomClaims} whole mode).
     */
    @Property(tries = 300)
    void an_outpatient_bill_split_into_two_visits_pays_the_same_fund(@ForAll("wholeOutpatientCases") Case c,
                                                                     @ForAll @IntRange(min = 0, max = 1000) int cut) {
        Split split = split(c, cut);

        assertThat(split.first().fund().plus(split.second().fund())).isEqualTo(split.whole().fund());
        assertThat(split.first().deductible().plus(split.second().deductible())).isEqualTo(split.whole().deductible());
    }

    /**
     * (c) Inpatient: two admissions never get more fund than one admission of the same bill, since each bears its own
     * deductible: {@code (E1 − D)⁺ + (E2 − D)⁺ ≤ (E1 + E2 − D)⁺}, and the cap cuts the sum no less than the whole.
     * Exact when nothing is rounded (whole mode).
     */
    @Property(tries = 300)
    void an_inpatient_bill_split_into_two_admissions_never_gets_more_fund(@ForAll("wholeInpatientCases") Case c,
                                                                          @ForAll @IntRange(min = 0, max = 1000) int cut) {
        Split split = split(c, cut);

        assertThat(split.first().fund().plus(split.second().fund())).isLessThanOrEqualTo(split.whole().fund());
        assertThat(split.first().deductible().plus(split.second().deductible()))
                .isGreaterThanOrEqualTo(split.whole().deductible());
    }

    /**
     * (c) With fen amounts and ratios of three decimals each visit rounds its own 先行自付 and fund share, each to the
     * nearest fen, so two visits can differ from one by at most two fen (one from the two 先行自付 roundings moving the
     * eligible costs by a fen, one from the two fund roundings): outpatient within ±0.02, inpatient at most 0.02 above.
     * The basic annual cap holds exactly whatever the split: two visits never get more than was left of it.
     */
    @Property(tries = 300)
    void with_fen_amounts_a_split_differs_by_at_most_two_fen_and_never_passes_the_cap(@ForAll("fenCases") Case c,
                                                                                      @ForAll @IntRange(min = 0, max = 1000) int cut) {
        Split split = split(c, cut);
        Money both = split.first().fund().plus(split.second().fund());
        Money whole = split.whole().fund();

        assertThat(both).isLessThanOrEqualTo(whole.plus(FEN_TOLERANCE));
        if (split.whole().visit() != VisitType.INPATIENT) {
            assertThat(both).isGreaterThanOrEqualTo(whole.minus(FEN_TOLERANCE));
        }
        YearToDate before = c.claim().yearToDate();
        Money capLeft = c.policy().basicAnnualCap().minus(before.basicFundPaid()).max(Money.ZERO);
        assertThat(both).isLessThanOrEqualTo(capLeft);
        assertThat(split.second().after().basicFundPaid()).isLessThanOrEqualTo(c.policy().basicAnnualCap().max(before.basicFundPaid()));
    }

    /** (d) Every fen of the bill is paid by exactly one payer, and nothing is negative. */
    @Property(tries = 300)
    void every_fen_is_paid_once_and_nothing_is_negative(@ForAll("cases") Case c) {
        Benefit b = c.benefit();

        assertThat(b.fund().plus(b.criticalIllness()).plus(b.assistance()).plus(b.personalAccount()).plus(b.cash()))
                .isEqualTo(b.total());
        assertThat(b.excluded().plus(b.selfPayFirst()).plus(b.eligible())).isEqualTo(b.total());
        assertThat(b.total()).isEqualTo(c.claim().lines().stream().map(BillLine::amount).reduce(Money.ZERO, Money::plus));
        Stream.of(b.total(), b.excluded(), b.selfPayFirst(), b.eligible(), b.deductible(), b.fund(), b.criticalIllness(),
                        b.assistance(), b.personalAccount(), b.cash())
                .forEach(amount -> assertThat(amount.isNegative()).as("%s in %s", amount, b).isFalse());
        assertThat(b.breakdown()).allMatch(step -> !step.amount().isNegative() && !step.text().isBlank());
        assertThat(b.personalAccount()).isLessThanOrEqualTo(c.claim().personalAccountBalance());
        if (c.claim().scheme() == Scheme.RESIDENT) {
            assertThat(b.personalAccount()).isEqualTo(Money.ZERO);
        }
    }

    /** (e) The same claim gives the same benefit, whatever the order of the bill's lines. */
    @Property(tries = 300)
    void the_same_claim_gives_the_same_benefit(@ForAll("cases") Case c, @ForAll long seed) {
        List<BillLine> shuffled = new ArrayList<>(c.claim().lines());
        Collections.shuffle(shuffled, new Random(seed));

        Benefit benefit = c.benefit();
        assertThat(c.benefit()).isEqualTo(benefit);
        assertThat(c.withClaim(c.claim().withLines(shuffled)).benefit()).isEqualTo(benefit);
    }

    /** The year to date after a visit is the one before plus the visit's payments. */
    @Property(tries = 300)
    void the_year_to_date_after_is_the_one_before_plus_the_benefit(@ForAll("cases") Case c) {
        Benefit benefit = c.benefit();

        assertThat(c.claim().yearToDate().plus(benefit)).isEqualTo(benefit.after());
    }

    @Provide
    Arbitrary<Case> wholeOutpatientCases() {
        return Arbitraries.randomValue(random -> withVisit(new RandomClaims(random, true).next(2),
                random.nextBoolean() ? VisitType.OUTPATIENT : VisitType.CHRONIC_OUTPATIENT));
    }

    @Provide
    Arbitrary<Case> wholeInpatientCases() {
        return Arbitraries.randomValue(random -> withVisit(new RandomClaims(random, true).next(2), VisitType.INPATIENT));
    }

    @Provide
    Arbitrary<Case> fenCases() {
        return Arbitraries.randomValue(random -> new RandomClaims(random, false).next(2));
    }

    private record Split(Benefit whole, Benefit first, Benefit second) {
    }

    /** The bill as one visit, and cut after line {@code 1 + cut mod (n − 1)} into two visits, the second after the first. */
    private static Split split(Case c, int cut) {
        List<BillLine> lines = c.claim().lines();
        int at = 1 + cut % (lines.size() - 1);
        Benefit first = c.withClaim(c.claim().withLines(lines.subList(0, at))).benefit();
        Benefit second = c.withClaim(c.claim().withLines(lines.subList(at, lines.size())).withYearToDate(first.after())).benefit();
        return new Split(c.benefit(), first, second);
    }

    private static Case withVisit(Case c, VisitType visit) {
        Claim claim = c.claim();
        return c.withClaim(new Claim(claim.scheme(), claim.regionCode(), claim.policyYear(), claim.level(), claim.place(), visit,
                claim.chronicEntitled(), claim.assistanceEligible(), claim.lines(), claim.yearToDate(),
                claim.personalAccountBalance()));
    }
}
