package org.jingban.platform.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a stage is for, which decides who may complete it and whether separation of duties
 * applies. The catalog gives stages by name only; {@link #of(String)} reads the name.
 */
public enum StageKind {
    /** 申请 */
    APPLICATION(EnumSet.of(ActorRole.APPLICANT, ActorRole.CLERK, ActorRole.SYSTEM)),
    /** 受理 */
    ACCEPTANCE(EnumSet.of(ActorRole.CLERK, ActorRole.SYSTEM)),
    /** 审核 / 审批 */
    REVIEW(EnumSet.of(ActorRole.REVIEWER, ActorRole.DIRECTOR, ActorRole.SYSTEM)),
    /** 负责人审批 (经办机构负责人审批 before a payment): the head of the office, no one else and no machine */
    APPROVAL(EnumSet.of(ActorRole.DIRECTOR)),
    /** 财务复核 */
    FINANCE_REVIEW(EnumSet.of(ActorRole.FINANCE)),
    /** 拨付 */
    PAYMENT(EnumSet.of(ActorRole.FINANCE, ActorRole.SYSTEM)),
    /** 办结 */
    COMPLETION(EnumSet.of(ActorRole.CLERK, ActorRole.REVIEWER, ActorRole.FINANCE, ActorRole.DIRECTOR, ActorRole.SYSTEM)),
    /** item-specific work: 联系函, 信息表, 评估, 公示, 协议, 对账 … */
    OTHER(EnumSet.of(ActorRole.CLERK, ActorRole.REVIEWER, ActorRole.FINANCE, ActorRole.DIRECTOR, ActorRole.SYSTEM));

    /** The duties one person may hold only one of on a 较高风险/高风险 case (岗位分离). */
    /** Stages one person may not hold two of on a 较高风险/高风险 case: who reviews does not pay out. */
    public static final Set<StageKind> SEPARATED_DUTIES = EnumSet.of(ACCEPTANCE, REVIEW, FINANCE_REVIEW, APPROVAL, PAYMENT);

    private final Set<ActorRole> roles;

    StageKind(Set<ActorRole> roles) {
        this.roles = roles;
    }

    public Set<ActorRole> roles() {
        return roles;
    }

    /**
     * Reads a stage name from the catalog or a service. Order matters: 受理审核 is an acceptance,
     * 财务复核 a finance review, 负责人审批 the head's approval.
     */
    public static StageKind of(String name) {
        if (name.contains("受理")) {
            return ACCEPTANCE;
        }
        if (name.contains("复核")) {
            return FINANCE_REVIEW;
        }
        if (name.contains("负责人") && (name.contains("审批") || name.contains("核批") || name.contains("审签"))) {
            return APPROVAL;
        }
        if (name.contains("审核") || name.contains("审批")) {
            return REVIEW;
        }
        if (name.contains("拨付")) {
            return PAYMENT;
        }
        if (name.contains("办结")) {
            return COMPLETION;
        }
        if (name.contains("申请")) {
            return APPLICATION;
        }
        return OTHER;
    }
}
