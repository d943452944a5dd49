package org.jingban.offsitefiling.api;

import java.util.List;

import org.jingban.platform.cases.Reason;

/**
 * The parts of a 一件事 (就医费用报销“一件事”, seed 004) that run in another service, as events. offsite-filing-service
 * keeps the bundle's case and asks on its own topic ({@link OffsiteFilingTopics#EVENTS}); the service of the part
 * answers on its own topic with {@link #FAMILY_SHARING_BOUND} or {@link #FAMILY_SHARING_REFUSED}. A request is applied
 * once per {@code bundleId}: a redelivered request changes nothing and is answered as before.
 */
public final class OneThingEvents {

    /** 职工医保个人账户家庭共济办理 asked for (enrollment-service applies it); subject = bundle id, data = {@link FamilySharingRequested}. */
    public static final String FAMILY_SHARING_REQUESTED = "jingban.offsite-filing.one-thing.family-sharing.requested.v1";
    /** Every relative named was bound (published by enrollment-service); subject = bundle id, data = {@link FamilySharingResult}. */
    public static final String FAMILY_SHARING_BOUND = "jingban.enrollment.one-thing.family-sharing.bound.v1";
    /** The part could not be done, with every reason at once (published by enrollment-service); data = {@link FamilySharingResult}. */
    public static final String FAMILY_SHARING_REFUSED = "jingban.enrollment.one-thing.family-sharing.refused.v1";

    /**
     * 与本人关系 a 家庭共济 account may serve (seed 004 受理条件 一.2: 家庭共济账户用于本人及其配偶、父母、子女、兄弟姐妹、
     * 祖父母、外祖父母、孙子女、外孙子女): the options of the bundle's form and of enrollment's binding alike.
     */
    public static final List<String> RELATIONS = List.of("配偶", "父母", "子女", "兄弟姐妹", "祖父母", "外祖父母", "孙子女", "外孙子女");

    private OneThingEvents() {
    }

    /**
     * 家庭共济 asked for in a bundle.
     *
     * @param bundleId       the bundle's case id (the idempotency key)
     * @param caseNumber     the bundle's 办件号
     * @param holderIdNumber the account holder (the applicant)
     * @param regionCode     the holder's 参保地
     */
    public record FamilySharingRequested(String bundleId, String caseNumber, String holderIdNumber, String regionCode,
                                         List<Relative> relatives) {
    }

    /** A relative to bind: 亲属姓名, 证件类型 (居民身份证 when null) and 证件号码, 与本人关系. */
    public record Relative(String name, String idType, String idNumber, String relation) {
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
