package org.jingban.platform.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands (办件状态). */
public enum CaseStatus {
    SUBMITTED("已申请"),
    ACCEPTED("已受理"),
    REJECTED("不予受理"),
    UNDER_REVIEW("审核中"),
    APPROVED("审核通过"),
    PAYING("拨付中"),
    COMPLETED("已办结"),
    REFUSED("未通过"),
    WITHDRAWN("已撤回"),
    WAITING_FOR_APPLICANT("待补正");

    /** Statuses in which the promised-time clock runs (accepted, not paused, not finished). */
    public static final Set<CaseStatus> CLOCK_RUNNING = EnumSet.of(ACCEPTED, UNDER_REVIEW, APPROVED, PAYING);

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return this == REJECTED || this == COMPLETED || this == REFUSED || this == WITHDRAWN;
    }
}
