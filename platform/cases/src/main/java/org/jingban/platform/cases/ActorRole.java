package org.jingban.platform.cases;

/** The part someone plays on a case (岗位). */
public enum ActorRole {
    /** 受理 */
    CLERK("受理人员"),
    /** 审核 */
    REVIEWER("审核人员"),
    /** 财务复核 */
    FINANCE("财务复核人员"),
    /** 负责人审批 */
    DIRECTOR("负责人"),
    /** automated checks and system clients */
    SYSTEM("系统"),
    /** 申请人 */
    APPLICANT("申请人");

    private final String label;

    ActorRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean staff() {
        return this != APPLICANT && this != SYSTEM;
    }
}
