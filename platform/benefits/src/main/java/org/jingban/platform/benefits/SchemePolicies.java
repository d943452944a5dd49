package org.jingban.platform.benefits;

/**
 * The policies of both schemes for one place and year, as configured under {@code …default.*} or
 * {@code …regions.<区划>.<year>.*}. In a region's year either may be absent (null): that scheme then keeps the
 * region's earlier year or the default (see {@link Policies#lookup}).
 *
 * @param employee 职工基本医疗保险
 * @param resident 城乡居民基本医疗保险
 */
public record SchemePolicies(Policy employee, Policy resident) {

    /** The scheme's policy, or null when this entry does not configure it. */
    public Policy of(Scheme scheme) {
        return switch (scheme) {
            case EMPLOYEE -> employee;
            case RESIDENT -> resident;
        };
    }
}
