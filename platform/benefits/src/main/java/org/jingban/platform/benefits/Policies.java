package org.jingban.platform.benefits;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every configured policy: a default for each scheme plus per-region, per-year overrides. Looking up (region, year,
 * scheme) takes the region's policy of that year; else the region's newest year before it (a policy stays in force
 * until the region publishes a new one); else the default. An override replaces the whole {@link Policy} of its
 * scheme (no value is merged from the default), so what a region pays is read in one place.
 */
public final class Policies {

    private final SchemePolicies defaults;
    private final Map<String, NavigableMap<Integer, SchemePolicies>> regions;

    /**
     * @param defaults the default of both schemes (both required)
     * @param regions  医保区划 → year → that year's policies (either scheme may be absent); null for none
     */
    public Policies(SchemePolicies defaults, Map<String, ? extends Map<Integer, SchemePolicies>> regions) {
        Objects.requireNonNull(defaults, "defaults");
        for (Scheme scheme : Scheme.values()) {
            if (defaults.of(scheme) == null) {
                throw new IllegalArgumentException("待遇政策缺少" + scheme.label() + "的默认参数");
            }
        }
        this.defaults = defaults;
        Map<String, NavigableMap<Integer, SchemePolicies>> copy = new HashMap<>();
        if (regions != null) {
            regions.forEach((region, years) -> copy.put(region, Collections.unmodifiableNavigableMap(new TreeMap<>(years))));
        }
        this.regions = Map.copyOf(copy);
    }

    /** The defaults alone, no regional override. */
    public static Policies of(SchemePolicies defaults) {
        return new Policies(defaults, Map.of());
    }

    /** The policy in force for a region's scheme in a year: exact year, else the region's newest earlier year, else the default. */
    public Policy lookup(String regionCode, int year, Scheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        NavigableMap<Integer, SchemePolicies> years = regionCode == null ? null : regions.get(regionCode);
        if (years != null) {
            for (SchemePolicies policies : years.headMap(year, true).descendingMap().values()) {
                if (policies != null && policies.of(scheme) != null) {
                    return policies.of(scheme);
                }
            }
        }
        return defaults.of(scheme);
    }

    /** The policy for a claim's region, year and scheme. */
    public Policy lookup(Claim claim) {
        return lookup(claim.regionCode(), claim.policyYear(), claim.scheme());
    }

    public SchemePolicies defaults() {
        return defaults;
    }
}
