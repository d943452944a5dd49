package org.jingban.offsitefiling.filing;

import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Regional policy for 异地就医备案 that the seeds leave to 统筹地区相关政策: how long a filing of each kind is valid,
 * how long a long-term filing must be held before a 变更, and how late an emergency stay may be filed. The values in
 * application.yml are EXAMPLE DEFAULTS, not rules from the seeds: a region sets its own under
 * {@code jingban.offsite-filing.regions.<医保区划>.<KIND>}.
 */
@ConfigurationProperties("jingban.offsite-filing")
public class FilingProperties {

    /** Policy per kind for every region without its own. */
    private Map<FilingKind, Policy> policies = new EnumMap<>(FilingKind.class);
    /** Per region (医保区划 of the 参保地), per kind: fields set here replace the defaults'. */
    private Map<String, Map<FilingKind, Policy>> regions = new HashMap<>();
    /** How long a 表18 promise is kept for a later check (the issue asks for at least two years). */
    private Period promiseRetention = Period.ofYears(2);
    /** How often ended validities are looked for (expiry also shows at once in every coverage answer). */
    private Duration expiryCheckInterval = Duration.ofMinutes(10);

    /**
     * @param validDays            days a filing is valid from its start (null: until cancelled)
     * @param minimumHoldingMonths months a filing must have been in force before a 变更 (null: none)
     * @param lateFilingDays       for a filing made after the stay (急诊、抢救): days after the admission within
     *                             which it is still accepted
     */
    public record Policy(Integer validDays, Integer minimumHoldingMonths, Integer lateFilingDays) {

        Policy over(Policy base) {
            if (base == null) {
                return this;
            }
            return new Policy(validDays != null ? validDays : base.validDays,
                    minimumHoldingMonths != null ? minimumHoldingMonths : base.minimumHoldingMonths,
                    lateFilingDays != null ? lateFilingDays : base.lateFilingDays);
        }
    }

    /** The policy for a kind in the region, the region's own values over the defaults. */
    public Policy policy(FilingKind kind, String regionCode) {
        Policy base = policies.getOrDefault(kind, new Policy(null, null, null));
        Policy own = regions.getOrDefault(regionCode, Map.of()).get(kind);
        return own == null ? base : own.over(base);
    }

    public Map<FilingKind, Policy> getPolicies() {
        return policies;
    }

    public void setPolicies(Map<FilingKind, Policy> policies) {
        this.policies = policies;
    }

    public Map<String, Map<FilingKind, Policy>> getRegions() {
        return regions;
    }

    public void setRegions(Map<String, Map<FilingKind, Policy>> regions) {
        this.regions = regions;
    }

    public Period getPromiseRetention() {
        return promiseRetention;
    }

    public void setPromiseRetention(Period promiseRetention) {
        this.promiseRetention = promiseRetention;
    }

    public Duration getExpiryCheckInterval() {
        return expiryCheckInterval;
    }

    public void setExpiryCheckInterval(Duration expiryCheckInterval) {
        this.expiryCheckInterval = expiryCheckInterval;
    }
}
