package org.jingban.enrollment.api;

import java.util.List;

import org.jingban.platform.cases.Reason;

/**
 * enrollment-service's answer when another service asks it to bind 家庭共济 relatives as part of a 一件事 (the request is
 * the asking service's contract, e.g. offsite-filing-service-api's {@code OneThingEvents}); published on
 * {@link EnrollmentTopics#EVENTS} with subject = the bundle id, once per bundle.
 */
public final class FamilySharingEvents {

    /** Every relative named was bound; data = {@link FamilySharingResult}. */
    public static final String FAMILY_SHARING_BOUND = "jingban.enrollment.one-thing.family-sharing.bound.v1";
    /** The part could not be done, with every reason at once; data = {@link FamilySharingResult}. */
    public static final String FAMILY_SHARING_REFUSED = "jingban.enrollment.one-thing.family-sharing.refused.v1";

    /**
     * 与本人关系 a 家庭共济 account may serve (seed 004 受理条件 一.2: 家庭共济账户用于本人及其配偶、父母、子女、兄弟姐妹、
     * 祖父母、外祖父母、孙子女、外孙子女): enrollment's rule, and the options of any form that asks for a binding.
     */
    public static final List<String> RELATIONS = List.of("配偶", "父母", "子女", "兄弟姐妹", "祖父母", "外祖父母", "孙子女", "外孙子女");

    private FamilySharingEvents() {
    }

    /**
     * The part's result.
     *
     * @param bound   the relatives bound (证件号码 masked), in the order asked
     * @param reasons on refusal: every reason, each naming the relative it is about
     */
    public record FamilySharingResult(String bundleId, List<String> bound, List<Reason> reasons) {
    }
}
