package org.jingban.offsitefiling.api;

import java.util.List;

/**
 * The parts of a 一件事 (就医费用报销“一件事”, seed 004) that run in another service, as events. offsite-filing-service
 * keeps the bundle's case and asks on its own topic ({@link OffsiteFilingTopics#EVENTS}); the service of the part
 * answers on its own topic with its own contract (enrollment-service-api's {@code FamilySharingEvents}). A request is applied
 * once per {@code bundleId}: a redelivered request changes nothing and is answered as before.
 */
public final class OneThingEvents {

    /** 职工医保个人账户家庭共济办理 asked for (enrollment-service applies it); subject = bundle id, data = {@link FamilySharingRequested}. */
    public static final String FAMILY_SHARING_REQUESTED = "jingban.offsite-filing.one-thing.family-sharing.requested.v1";

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
}
