package org.jingban.enrollment.account;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingban.enrollment.account.*}: the share of a contribution credited to the personal account (划入比例),
 * per 医保区划 and 险种. The most specific rule wins: the region itself, then its city (xxxx00), then its province
 * (xx0000); then {@code default-credit-share}.
 */
@ConfigurationProperties("jingban.enrollment.account")
public record AccountProperties(BigDecimal defaultCreditShare, List<CreditShare> creditShares) {

    public AccountProperties {
        defaultCreditShare = defaultCreditShare == null ? new BigDecimal("0.30") : defaultCreditShare;
        creditShares = creditShares == null ? List.of() : List.copyOf(creditShares);
    }

    public record CreditShare(String region, String insuranceType, BigDecimal share) {
    }

    public BigDecimal shareFor(String regionCode, String insuranceType) {
        for (String region : List.of(regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000")) {
            for (CreditShare rule : creditShares) {
                if (region.equals(rule.region()) && (rule.insuranceType() == null || rule.insuranceType().equals(insuranceType))) {
                    return rule.share();
                }
            }
        }
        return defaultCreditShare;
    }
}
