package org.jingban.platform.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A 一件事 (一事联办) as it applies in one region: several items applied for in one application with one case (办件号)
 * and its own limit, e.g. 甘肃省就医费用报销“一件事” (seed 004). Defined in a layer's {@code bundles}, so that another
 * province defines another bundle by data.
 *
 * @param code       the catalog key, {@code onething:<事项名称>}
 * @param owner      the service that keeps the bundle's own case (the source names none; see docs/adr/one-thing.md)
 * @param kind       办件类型 of the bundle itself (承诺件)
 * @param steps      办理环节 of the bundle's case (申请, 受理, 办结)
 * @param timeLimit  承诺办结时限 ({@code workingDays}) and 法定办结时限 ({@code statutoryWorkingDays}) of the bundle
 * @param applicability 适用对象说明 as printed
 * @param efficiency 联办效能: each measure single against bundled
 * @param parts      联办事项, in the guide's order
 */
public record BundleDefinition(String code, String name, String title, String owner, String regionCode,
                               String servedParty, CaseKind kind, List<String> steps, TimeLimit timeLimit,
                               String onSiteVisits, String onlineDepth, String reviewType, String applicability,
                               String consultComplaint, List<Efficiency> efficiency, List<Part> parts, Office office,
                               String source) {

    public BundleDefinition {
        steps = steps == null ? List.of() : List.copyOf(steps);
        efficiency = efficiency == null ? List.of() : List.copyOf(efficiency);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** How a part takes part: applied for in the bundle, or enabled by the parts applied for (主动服务类). */
    public enum Mode {
        APPLY, ENABLED
    }

    /**
     * One 联办事项.
     *
     * @param items             the catalog's 子项编码 it stands for (e.g. 622036004001–004), empty for one the checklist lacks
     * @param insuredInProvince the province (xx0000) whose insured persons alone may have it (适用对象说明), else null
     * @param diseases          病种 it covers, where the guide lists them
     */
    public record Part(String name, String service, String caseType, Mode mode, List<String> items,
                       List<String> conditions, String insuredInProvince, List<String> diseases, String basis) {

        public Part {
            items = items == null ? List.of() : List.copyOf(items);
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            diseases = diseases == null ? List.of() : List.copyOf(diseases);
        }

        /** Whether a person insured in {@code regionCode} may have this part. */
        public boolean openTo(String regionCode) {
            return insuredInProvince == null
                    || (regionCode != null && regionCode.startsWith(insuredInProvince.substring(0, 2)));
        }
    }

    /** 联办效能: one measure (减时间, 减跑动, 减材料, 减环节), single item against the bundle. */
    public record Efficiency(String measure, String single, String bundled, String text) {
    }

    /** The parts of one service, in the guide's order. */
    public List<Part> partsOf(String service) {
        return parts.stream().filter(p -> p.service().equals(service)).toList();
    }

    /** The first part of a service applied for in the bundle. */
    public Optional<Part> appliedPartOf(String service) {
        return parts.stream().filter(p -> p.mode() == Mode.APPLY && p.service().equals(service)).findFirst();
    }

    /**
     * The bundle as an item of the case kernel: its own case with its own steps and limit, no materials of its own (the
     * parts' materials are asked once, in the parts' cases), the parts' conditions as its conditions.
     */
    public ItemDefinition item() {
        List<String> conditions = new ArrayList<>();
        for (Part p : parts) {
            p.conditions().forEach(c -> conditions.add(p.name() + "：" + c));
        }
        return new ItemDefinition(code, name, null, null, owner, regionCode, servedParty, title, conditions, kind, steps,
                timeLimit, List.of(), null, List.of(), List.of(), List.of(), List.of(), office, null,
                source == null ? List.of() : List.of(source));
    }
}
