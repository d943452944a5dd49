package org.jingban.platform.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One 子项 as it applies in one region: the national template, overlaid by the province and the region.
 *
 * @param code          the catalog key: the provincial 子项编码 (622036003002), or national:…/local:… for items not in
 *                      the provincial checklist
 * @param mainItemCode  主项编码 (for local items the 主项 they are grouped with), may be {@code null}
 * @param regionCode    the 医保区划 it was resolved for
 * @param servedParty   服务对象, may be {@code null}
 * @param riskLevel     风险等级; {@code null} for local items the template does not rate
 * @param requiredFields 受理信息必填项, exact
 * @param forms         numbers of the national sample forms (表n)
 * @param office        the 经办机构 handling it there, may be {@code null} (a region without any office in the catalog)
 * @param localCode     the local guide's own item code (武威: 31 characters), may be {@code null}
 * @param sources       the source keys of the layers that made it (national, gansu, wuwei, songpan …)
 */
public record ItemDefinition(String code, String name, String mainItemCode, String mainItemName, String service,
                             String regionCode, String servedParty, String description, List<String> conditions,
                             CaseKind kind, List<String> steps, TimeLimit timeLimit, List<StageLimit> stageLimits,
                             RiskLevel riskLevel, List<String> requiredFields, List<Material> materials,
                             List<MessageTemplate> templates, List<Integer> forms, Office office, String localCode,
                             List<String> sources) {

    public ItemDefinition {
        conditions = copy(conditions);
        steps = copy(steps);
        stageLimits = copy(stageLimits);
        requiredFields = copy(requiredFields);
        materials = copy(materials);
        templates = copy(templates);
        forms = copy(forms);
        sources = copy(sources);
    }

    /** The template sent on an event: completed, failed, evaluation-passed, evaluation-failed. */
    public Optional<MessageTemplate> template(String event) {
        return templates.stream().filter(t -> t.event().equals(event)).findFirst();
    }

    /** 较高风险 / 高风险 items: accept, approve and finance review by different people. */
    public boolean requiresSeparationOfDuties() {
        return riskLevel != null && riskLevel.requiresSeparationOfDuties();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
