package org.jingban.platform.calendar;

/** 办理时限状态 of a {@link CaseClock}. */
public enum DeadlineStatus {
    /** 正常 */
    ON_TRACK,
    /** 即将到期: no more working days left than the warning threshold. */
    DUE_SOON,
    /** 已超期 */
    OVERDUE,
    /** 暂停计时: waiting for the applicant (补正). */
    PAUSED,
    /** 已办结 */
    COMPLETED
}
