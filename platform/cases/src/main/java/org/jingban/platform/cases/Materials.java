package org.jingban.platform.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;

/**
 * The materials (申请材料) an application needs, from the catalog: unconditional ones always, conditional ones when
 * the item's predicate says the condition applies; each is PROVIDED, PROMISED (个人承诺书替代) or MISSING.
 */
public final class Materials {

    private Materials() {
    }

    public static List<MaterialStatus> statuses(ItemDefinition item, Predicate<Material> conditionApplies,
                                                Collection<String> extraRequired, Collection<String> provided,
                                                Collection<String> promised) {
        Set<String> needed = new LinkedHashSet<>();
        for (Material m : item.materials()) {
            if (m.condition() == null || m.condition().isBlank() || conditionApplies.test(m)) {
                needed.add(m.name());
            }
        }
        needed.addAll(extraRequired);
        Set<String> have = provided == null ? Set.of() : Set.copyOf(provided);
        Set<String> instead = promised == null ? Set.of() : Set.copyOf(promised);
        List<MaterialStatus> statuses = new ArrayList<>();
        for (String name : needed) {
            if (have.contains(name)) {
                statuses.add(MaterialStatus.provided(name));
            } else if (instead.contains(name)) {
                statuses.add(MaterialStatus.promised(name));
            } else {
                statuses.add(MaterialStatus.missing(name));
            }
        }
        return statuses;
    }

    /** One reason per missing material, in the kernel's words (the one-time notice lists them all). */
    public static List<Reason> missing(List<MaterialStatus> statuses) {
        return statuses.stream().filter(m -> m.state() == MaterialStatus.State.MISSING)
                .map(m -> Reason.at(m.name(), "material.missing", "缺少申请材料：" + m.name())).toList();
    }

    /** Whether the catalog's condition text mentions the given words (conditions are short Chinese phrases). */
    public static boolean mentions(Material m, String words) {
        return m.condition() != null && m.condition().contains(words);
    }
}
