package org.jingban.reimbursement.chronic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The disease list (病种目录) and the entitlement's validity, as data a region sets (jingban.reimbursement.chronic).
 * The seeds name the item but leave the list to 统筹地区相关政策, except the five diseases settled across provinces
 * (seed 004: 高血压、糖尿病、恶性肿瘤门诊治疗、透析、器官移植抗排异治疗). The codes and the validity in
 * application.yml are EXAMPLE DEFAULTS: a region loads its own list (with the national codes it uses).
 */
@ConfigurationProperties("jingban.reimbursement.chronic")
public class ChronicDiseaseProperties {

    /** One disease of the list: which entitlement items may grant it, and whether it is settled across provinces. */
    public static class Disease {
        private String code;
        private String name;
        private boolean crossProvince;
        private Set<EntitlementKind> kinds = Set.of(EntitlementKind.GENERAL);

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public boolean isCrossProvince() { return crossProvince; }
        public void setCrossProvince(boolean crossProvince) { this.crossProvince = crossProvince; }
        public Set<EntitlementKind> getKinds() { return kinds; }
        public void setKinds(Set<EntitlementKind> kinds) { this.kinds = kinds; }
    }

    private List<Disease> diseases = new ArrayList<>();
    /** Months an entitlement is valid (0: until ended); per region under {@code validity-months-by-region}. */
    private int validityMonths = 24;
    private Map<String, Integer> validityMonthsByRegion = new LinkedHashMap<>();

    /** The disease named on 表12 (申请病种名称) or by its code, if the kind may grant it. */
    public Optional<Disease> find(String nameOrCode, EntitlementKind kind) {
        return diseases.stream().filter(d -> d.kinds.contains(kind))
                .filter(d -> d.name.equals(nameOrCode) || d.code.equals(nameOrCode)).findFirst();
    }

    public List<Disease> of(EntitlementKind kind) {
        return diseases.stream().filter(d -> d.kinds.contains(kind)).toList();
    }

    public int validityMonths(String region) {
        return validityMonthsByRegion.getOrDefault(region, validityMonths);
    }

    public List<Disease> getDiseases() { return diseases; }
    public void setDiseases(List<Disease> diseases) { this.diseases = diseases; }
    public int getValidityMonths() { return validityMonths; }
    public void setValidityMonths(int validityMonths) { this.validityMonths = validityMonths; }
    public Map<String, Integer> getValidityMonthsByRegion() { return validityMonthsByRegion; }
    public void setValidityMonthsByRegion(Map<String, Integer> m) { this.validityMonthsByRegion = m; }
}
