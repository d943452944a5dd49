package org.jingban.enrollment.employer;

import java.util.List;

import org.jingban.enrollment.shared.ChangeRecord;

/** Public events of 参保单位 on {@code jingban.enrollment.events}; subject = unit id. */
public final class EmployerEvents {

    /** 单位参保登记 completed (新参保登记, 拆分合并分立的新单位, 联办登记). */
    public static final String REGISTERED = "jingban.enrollment.unit.registered.v1";
    /** 暂停/注销/重新参保 or 单位参保信息变更登记; {@code changes} lists before/after. */
    public static final String CHANGED = "jingban.enrollment.unit.changed.v1";

    private EmployerEvents() {
    }

    public record Unit(String unitId, String uscc, String formerUscc, String name, String nature, String regionCode,
                       String status, List<String> insuranceTypes, String what, List<ChangeRecord> changes) {

        static Unit of(Employer e, String what, List<ChangeRecord> changes) {
            return new Unit(e.getId(), e.getUscc(), e.getFormerUscc(), e.getName(), e.getNature(), e.getRegionCode(),
                    e.getStatus().name(), e.getInsuranceTypes(), what, changes);
        }
    }
}
