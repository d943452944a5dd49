package org.jingban.reimbursement.chronic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * 表12 门诊慢特病病种待遇认定申请表 (seed 002): the catalog's 受理信息必填项 (姓名, 年龄, 参保险种, 证件类型及号码, 联系电话,
 * 参保地, 申请病种名称), the designated institution the person chooses for the disease's outpatient care, and the
 * materials provided. Songpan's two local items print no 受理信息必填项: they take the same form (the disease, the
 * person and the insurance are what any entitlement needs).
 */
public record EntitlementForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("年龄") Integer age,
        @OneOf(of = org.jingban.enrollment.api.InsuranceTypes.class, field = "FORM_OPTIONS") @JsonProperty("参保险种") String insuranceType,
        @JsonProperty("证件类型及号码") IdDocument id,
        @JsonProperty("联系电话") String phone,
        @JsonProperty("参保地") String insuredRegion,
        @JsonProperty("申请病种名称") String disease,
        @JsonProperty("定点医疗机构名称") String institutionName,
        @JsonProperty("定点医疗机构编码") String institutionCode,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    /** What every kind needs, whether or not the region's guide prints it. */
    static final List<String> ALWAYS_REQUIRED = List.of("姓名", "参保险种", "证件类型及号码", "申请病种名称");

    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("姓名", name);
        fields.put("年龄", age);
        fields.put("参保险种", insuranceType);
        fields.put("证件类型及号码", id == null ? null : id.present());
        fields.put("联系电话", phone);
        fields.put("参保地", insuredRegion);
        fields.put("申请病种名称", disease);
        Violations v = new Violations().requireAll(fields, item.requiredFields());
        if (item.requiredFields().isEmpty()) {
            v.requireAll(fields, ALWAYS_REQUIRED);
        }
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (age != null) {
            v.check(age >= 0 && age <= 150, "年龄", "invalid-age", "年龄应为0至150之间的整数");
            if (id != null && id.present() != null && id.isResidentId() && age >= 0 && age <= 150) {
                int byId = java.time.Period.between(id.birthDate(), java.time.LocalDate.now(
                        org.jingban.platform.cases.Case.ZONE)).getYears();
                v.check(Math.abs(byId - age) <= 1, "年龄", "age-mismatch", "年龄与证件号码所载出生日期不符");
            }
        }
        if (present(insuranceType)) {
            v.check(InsuranceTypes.ofFormLabel(insuranceType) != null, "参保险种", "unknown-option",
                    "参保险种应为职工医保或城乡居民医保");
        }
        if (present(phone)) {
            MobileNumber.check(phone).ifPresent(p -> v.add("联系电话", p.code(), p.message()));
        }
        if (present(insuredRegion)) {
            v.check(Divisions.isKnownRegionCode(insuredRegion), "参保地", "unknown-region", "参保地应为6位区划代码");
        }
        return v;
    }

    public String insuranceTypeName() {
        return InsuranceTypes.ofFormLabel(insuranceType);
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
