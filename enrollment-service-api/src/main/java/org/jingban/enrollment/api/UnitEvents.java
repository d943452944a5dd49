package org.jingban.enrollment.api;

/**
 * Events of 参保单位 on {@link EnrollmentTopics#EVENTS}; subject = unit id; data = {@link Unit} (the unit as it is
 * after the event: the newest event replaces what a consumer knew). The published data carries more fields
 * (nature, status, insurance types, the change list: enrollment-service/README.md); they are internal to
 * enrollment-service and may change, a reader of this record ignores them.
 */
public final class UnitEvents {

    /** 单位参保登记 completed (新参保登记, 拆分合并分立的新单位, 联办登记). */
    public static final String REGISTERED = "jingban.enrollment.unit.registered.v1";
    /** 暂停/注销/重新参保 or 单位参保信息变更登记 (622036001004). */
    public static final String CHANGED = "jingban.enrollment.unit.changed.v1";

    private UnitEvents() {
    }

    /**
     * The unit as other services need it.
     *
     * @param unitId       the unit's id in enrollment-service (the events' subject)
     * @param uscc         统一社会信用代码 as registered or last changed: the unit's party id in the case events
     *                     ({@code applicant.id} of kind EMPLOYER) and in the tokens of its agents
     * @param regionCode   the 医保区划 of the unit's 参保地区
     * @param contactPhone the unit's contact phone: the 手机号 of 单位经办人员信息 (表1) or the 缴费单位经办人员联系电话 of
     *                     表4 as last changed; the 法定代表人/负责人's 电话 when no agent's phone is registered. A mobile or
     *                     a fixed line; null when none is known (or from a publisher older than this field). Personal
     *                     data: a reader masks it wherever it shows or logs it (notification-service reaches the unit
     *                     by it).
     */
    public record Unit(String unitId, String uscc, String name, String regionCode, String contactPhone) {
    }
}
