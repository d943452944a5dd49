package org.jingban.enrollment.employer;

import java.util.List;

import org.jingban.enrollment.api.UnitEvents;
import org.jingban.enrollment.shared.ChangeRecord;

/**
 * Public events of 参保单位 on {@code jingban.enrollment.events}; subject = unit id. Their data is {@link Unit}, of which
 * the published contract ({@link UnitEvents.Unit} in enrollment-service-api) is a part: {@code unitId}, {@code uscc},
 * {@code name}, {@code regionCode}, {@code contactPhone} keep their names and meaning.
 */
public final class EmployerEvents {

    /** 单位参保登记 completed (新参保登记, 拆分合并分立的新单位, 联办登记). */
    public static final String REGISTERED = UnitEvents.REGISTERED;
    /** 暂停/注销/重新参保 or 单位参保信息变更登记; {@code changes} lists before/after. */
    public static final String CHANGED = UnitEvents.CHANGED;

    private EmployerEvents() {
    }

    /**
     * @param contactPhone see {@link UnitEvents.Unit#contactPhone()}: the agent's phone, else the legal
     *                     representative's ({@link Employer#contactPhone()})
     */
    public record Unit(String unitId, String uscc, String formerUscc, String name, String nature, String regionCode,
                       String status, List<String> insuranceTypes, String what, List<ChangeRecord> changes,
                       String contactPhone) {

        static Unit of(Employer e, String what, List<ChangeRecord> changes) {
            return new Unit(e.getId(), e.getUscc(), e.getFormerUscc(), e.getName(), e.getNature(), e.getRegionCode(),
                    e.getStatus().name(), e.getInsuranceTypes(), what, changes, e.contactPhone());
        }
    }
}
