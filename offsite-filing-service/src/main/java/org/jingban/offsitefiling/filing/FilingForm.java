package org.jingban.offsitefiling.filing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * 表11 异地就医登记备案表 (seed 002), one form for every kind: the catalog's 受理信息必填项 of the item (姓名, 参保险种,
 * 登记类别, 证件类型及号码, 申请备案开始日期, 就医地, 联系电话; 参保地联系地址 for 长期居住 and 常驻; 转往地址 for 转诊),
 * the referring institution for 转诊, the stay for an emergency filed afterwards, and whether it is an injury (外伤,
 * Songpan's remark).
 */
public record FilingForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("性别") String gender,
        @OneOf(of = org.jingban.enrollment.api.InsuranceTypes.class, field = "FORM_OPTIONS") @JsonProperty("参保险种") String insuranceType,
        @OneOf(of = FilingForm.class, field = "REGISTRATIONS") @JsonProperty("登记类别") String registration,
        @JsonProperty("证件类型及号码") IdDocument id,
        @JsonProperty("申请备案开始日期") String startDate,
        @JsonProperty("就医地") String destination,
        @JsonProperty("联系电话") String phone,
        @JsonProperty("参保地联系地址") String insuredAddress,
        @JsonProperty("异地联系地址") String offsiteAddress,
        @JsonProperty("转往地址") String referralAddress,
        @JsonProperty("转诊医疗机构") String referringInstitution,
        @JsonProperty("是否外伤") Boolean injury,
        @JsonProperty("入院日期") String admissionDate,
        @JsonProperty("出院日期") String dischargeDate,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("承诺替代材料") List<String> promised,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    public static final String NEW = "新增";
    public static final String CHANGE = "变更";
    /** 登记类别 options. */
    public static final List<String> REGISTRATIONS = List.of(NEW, CHANGE);

    @Override
    public Violations validate(ItemDefinition item) {
        FilingKind kind = FilingKind.ofItem(item.code()).orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("姓名", name);
        fields.put("参保险种", insuranceType);
        fields.put("登记类别", registration);
        fields.put("证件类型及号码", id == null ? null : id.present());
        fields.put("申请备案开始日期", startDate);
        fields.put("就医地", destination);
        fields.put("联系电话", phone);
        fields.put("参保地联系地址", insuredAddress);
        fields.put("转往地址", referralAddress);
        Violations v = new Violations().requireAll(fields, item.requiredFields());
        if (kind == FilingKind.REFERRAL) {
            v.require("转诊医疗机构", referringInstitution);
        }
        if (kind == FilingKind.EMERGENCY) {
            // Songpan's guide prints no 受理信息必填项 for this item: these are what the filing itself needs
            v.require("姓名", name).require("证件类型及号码", id == null ? null : id.present())
                    .require("参保险种", insuranceType).require("就医地", destination).require("入院日期", admissionDate);
        }
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (blank(insuranceType) == null) {
            // reported as required above
        } else {
            v.check(InsuranceTypes.ofFormLabel(insuranceType) != null, "参保险种", "unknown-option", "参保险种应为职工医保或城乡居民医保");
        }
        if (blank(registration) != null) {
            v.check(REGISTRATIONS.contains(registration), "登记类别", "unknown-option", "登记类别应为新增或变更");
        }
        if (blank(destination) != null) {
            v.check(Destinations.isValid(destination), "就医地", "unknown-region",
                    "就医地应为就医地市（或直辖市）的6位区划代码；到海南、西藏和新疆生产建设兵团就医的可为省级代码");
        }
        v.date("申请备案开始日期", startDate);
        LocalDate admitted = v.date("入院日期", admissionDate);
        LocalDate discharged = v.date("出院日期", dischargeDate);
        if (admitted != null && discharged != null) {
            v.check(!discharged.isBefore(admitted), "出院日期", "before-admission", "出院日期不能早于入院日期");
        }
        if (blank(phone) != null) {
            MobileNumber.check(phone).ifPresent(p -> v.add("联系电话", p.code(), p.message()));
        }
        return v;
    }

    /** 险种 in enrollment-service's words, or null. */
    public String insuranceTypeName() {
        return InsuranceTypes.ofFormLabel(insuranceType);
    }

    public boolean change() {
        return CHANGE.equals(registration);
    }

    /** The first day the filing covers: the admission for a stay filed afterwards, else 申请备案开始日期. */
    public LocalDate start(FilingKind kind) {
        String text = kind == FilingKind.EMERGENCY ? admissionDate : startDate;
        return blank(text) == null ? null : LocalDate.parse(text.trim());
    }

    public LocalDate discharge() {
        return blank(dischargeDate) == null ? null : LocalDate.parse(dischargeDate);
    }

    public boolean isInjury() {
        return Boolean.TRUE.equals(injury);
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    @Override
    public List<String> promised() {
        return promised == null ? List.of() : promised;
    }

    /** The only conditional material of these items is Songpan's 外伤 form (《四川省省内异地就医外伤入院登记表》). */
    @Override
    public boolean materialApplies(Material material) {
        return material.condition().contains("外伤") && isInjury();
    }


    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
