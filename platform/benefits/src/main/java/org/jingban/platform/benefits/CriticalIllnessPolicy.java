package org.jingban.platform.benefits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jingban.platform.money.Money;

/**
 * 大病保险 (城乡居民大病保险 / 职工大额医疗费用补助 as the region names it), paid after the basic fund on the
 * person's eligible share counted over the year ({@link YearToDate#eligiblePersonalShare()}): nothing up to the
 * yearly {@code deductible}, then each band's ratio on the part of the yearly count that falls into it, up to
 * {@code annualCap}. No bands: the scheme has no 大病保险 in this policy.
 *
 * @param deductible 大病保险年度起付线 (the first band starts here)
 * @param bands      分段支付比例, ascending; each ends at {@code upTo}, the last may have none (open-ended)
 * @param annualCap  年度最高支付限额
 */
public record CriticalIllnessPolicy(Money deductible, List<Band> bands, Money annualCap) {

    /**
     * One band: from the previous band's end (or the deductible) up to {@code upTo}, paid at {@code ratio}.
     *
     * @param upTo  the band's end in the yearly count; null for the last, open-ended band
     * @param ratio 支付比例
     */
    public record Band(Money upTo, BigDecimal ratio) {

        public Band {
            if (upTo != null) {
                PolicyChecks.amount("criticalIllness.bands.upTo", upTo);
            }
            PolicyChecks.ratio("criticalIllness.bands.ratio", ratio);
        }
    }

    /** The part of one visit's share that fell into one band, and what the band pays for it (rounded to the fen). */
    record BandShare(Money from, Money upTo, BigDecimal ratio, Money portion, Money paid) {
    }

    public CriticalIllnessPolicy {
        PolicyChecks.amount("criticalIllness.deductible", deductible);
        PolicyChecks.amount("criticalIllness.annualCap", annualCap);
        bands = List.copyOf(PolicyChecks.required("criticalIllness.bands", bands));
        Money from = deductible;
        for (int i = 0; i < bands.size(); i++) {
            Money upTo = bands.get(i).upTo();
            if (upTo == null && i < bands.size() - 1) {
                throw new IllegalArgumentException("待遇政策参数criticalIllness.bands：只有最后一段可以不设上限");
            }
            if (upTo != null && upTo.compareTo(from) <= 0) {
                throw new IllegalArgumentException("待遇政策参数criticalIllness.bands：各段上限应高于起付线并逐段递增：" + upTo);
            }
            from = upTo;
        }
    }

    /**
     * How the yearly count moving from {@code before} to {@code after} on this visit falls into the bands: one share per
     * band it touches, each paid {@code portion × ratio} rounded HALF_UP to the fen (before the annual cap).
     */
    List<BandShare> shares(Money before, Money after) {
        List<BandShare> shares = new ArrayList<>();
        Money from = deductible;
        for (Band band : bands) {
            Money low = before.max(from);
            Money high = band.upTo() == null ? after : after.min(band.upTo());
            if (high.compareTo(low) > 0) {
                Money portion = high.minus(low);
                shares.add(new BandShare(from, band.upTo(), band.ratio(), portion, portion.times(band.ratio())));
            }
            if (band.upTo() == null) {
                break;
            }
            from = band.upTo();
        }
        return shares;
    }
}
