package org.jingban.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;

/** Small helpers the submission endpoints share: materials from the catalog, the one-time notice as a 422. */
public final class Applications {

    private Applications() {
    }

    /** Every unconditional catalog material, PROVIDED when named in 申请材料, else MISSING. */
    public static List<MaterialStatus> materials(ItemDefinition item, Object provided) {
        Collection<?> names = provided instanceof Collection<?> c ? c : List.of();
        List<MaterialStatus> out = new ArrayList<>();
        for (Material m : item.materials()) {
            if (m.condition() != null && !m.condition().isBlank()) {
                continue;
            }
            out.add(names.contains(m.name()) ? MaterialStatus.provided(m.name()) : MaterialStatus.missing(m.name()));
        }
        return out;
    }

    public static List<Reason> missing(List<MaterialStatus> materials) {
        return materials.stream().filter(m -> m.state() == MaterialStatus.State.MISSING)
                .map(m -> Reason.of("material.missing", "缺少申请材料：" + m.name())).toList();
    }

    /** 不予受理 with every reason (一次性告知), the stored case named in the problem. */
    public static ProblemException refused(Case c) {
        return ProblemException.unprocessable("不予受理：" + String.join("；", c.getReasons().stream().map(Reason::message).toList()),
                        c.getReasons().stream().map(r -> new Violation("application", r.code(), r.message())).toList())
                .withProperty("caseId", c.getId()).withProperty("caseNumber", c.getCaseNumber())
                .withProperty("status", c.getStatus().name());
    }

    @SuppressWarnings("unchecked")
    public static String idNumber(Map<String, Object> form) {
        Object v = form.get("证件类型及号码");
        if (v instanceof Map<?, ?> m) {
            Object n = ((Map<String, Object>) m).get("证件号码");
            return n == null ? null : n.toString().trim().toUpperCase();
        }
        return null;
    }

    public static String text(Map<String, Object> form, String field) {
        Object v = form.get(field);
        return v == null ? null : v.toString().trim();
    }
}
