package org.jingban.enrollment.person;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.enrollment.shared.Phones;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * 表2 职工基本医疗保险参保登记表 (622036001002 职工参保登记): a unit's several employees in one submission, each
 * with a 变更类别; or one 灵活就业人员 applying without a unit (no 统一社会信用代码, 参保地区 required instead).
 * 人员类别 and 变更类别 travel as their Chinese labels and are read as {@link PersonCategory} and {@link ChangeType}
 * once {@link #validate} found them to be 表2's options (an unknown label is a violation of its own, listed with the
 * others, not an unreadable request).
 */
public record EmployeeRegistrationForm(
        @JsonProperty("统一社会信用代码/单位编码") String unit,
        @OneOf(of = EmployeeRegistrationForm.class, field = "CATEGORIES") @JsonProperty("人员类别") String category,
        @OneOf(of = EmployeeRegistrationForm.class, field = "INSURANCE_TYPES") @JsonProperty("参保险种") String insuranceType,
        @JsonProperty("参保地区") String regionCode,
        @JsonProperty("人员明细") List<Row> rows,
        @JsonProperty("填报人") String filledBy,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("承诺替代材料") List<String> promised,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    /** 人员类别 of 表2. */
    public static final List<PersonCategory> CATEGORIES = List.of(PersonCategory.IN_SERVICE, PersonCategory.FLEXIBLE);
    /** 参保险种 of 表2's 职工参保登记. */
    public static final List<String> INSURANCE_TYPES = List.of("职工基本医疗保险");
    /** 人员身份 (special groups whose extra materials 表2's guide lists). */
    public static final List<String> IDENTITIES = List.of("港澳台居民", "外国人");

    /**
     * One employee of 表2.
     *
     * @param identity 人员身份: 港澳台居民 / 外国人, else empty
     * @param reason   备注: for 终止, 出国(境)定居 asks for 护照或永久居留证
     */
    public record Row(@JsonProperty("姓名") String name,
                      @JsonProperty("证件类型及号码") IdDocument id,
                      @JsonProperty("申报工资") String declaredWage,
                      @OneOf(of = ChangeType.class) @JsonProperty("变更类别") String changeType,
                      @JsonProperty("联系电话") String phone,
                      @OneOf(of = EmployeeRegistrationForm.class, field = "IDENTITIES") @JsonProperty("人员身份") String identity,
                      @JsonProperty("备注") String reason) {

        /** 变更类别 as the enum; null when absent or not one of 表2's (then {@link #validate} reported it). */
        public ChangeType type() {
            return ChangeType.find(changeType).orElse(null);
        }
    }

    /** 人员类别 as the enum; null when absent or not one of 表2's. */
    public PersonCategory personCategory() {
        return PersonCategory.find(category).filter(CATEGORIES::contains).orElse(null);
    }

    public boolean flexible() {
        return personCategory() == PersonCategory.FLEXIBLE;
    }

    @Override
    public Violations validate(ItemDefinition item) {
        Violations v = new Violations();
        List<String> required = item.requiredFields().stream()
                .filter(f -> !(flexible() && f.equals("统一社会信用代码/单位编码")))
                .toList();
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("统一社会信用代码/单位编码", unit);
        top.put("人员类别", category);
        top.put("参保险种", insuranceType);
        List<String> topFields = required.stream().filter(top::containsKey).toList();
        List<String> rowFields = required.stream().filter(f -> !top.containsKey(f)).toList();
        v.requireAll(top, topFields);
        v.require("人员明细", rows);
        if (category != null && !category.isBlank()) {
            v.check(personCategory() != null, "人员类别", "unknown-option", "人员类别应为在职职工或灵活就业人员");
        }
        if (insuranceType != null && !insuranceType.isBlank()) {
            v.check(INSURANCE_TYPES.contains(insuranceType), "参保险种", "unknown-option", "职工参保登记的参保险种应为职工基本医疗保险");
        }
        if (flexible()) {
            v.require("参保地区", regionCode);
            v.check(rows == null || rows.size() <= 1, "人员明细", "one-person", "灵活就业人员参保登记每次只能登记本人");
        }
        if (regionCode != null && !regionCode.isBlank()) {
            v.check(regionCode.matches("\\d{6}") && Divisions.isKnownRegionCode(regionCode), "参保地区", "unknown-region",
                    "参保地区应为有效的6位医保区划代码");
        }
        if (rows != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String p = "人员明细[" + (i + 1) + "].";
                if (row == null) {
                    v.add(p.substring(0, p.length() - 1), "required", "人员明细第" + (i + 1) + "行为空");
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("姓名", row.name());
                fields.put("证件类型及号码", row.id() == null ? null : row.id().present());
                fields.put("申报工资", row.declaredWage());
                fields.put("变更类别", row.changeType());
                fields.put("联系电话", row.phone());
                for (String f : rowFields) {
                    v.require(p + f, fields.get(f));
                }
                if (row.id() != null && row.id().present() != null) {
                    row.id().validate(v, p + "证件类型及号码");
                    v.check(seen.add(row.id().number()), p + "证件类型及号码", "duplicate-row", "同一人在本表中出现多次");
                }
                if (row.declaredWage() != null && !row.declaredWage().isBlank()) {
                    Long fen = Money.parseFen(row.declaredWage());
                    v.check(fen != null && fen >= 0, p + "申报工资", "invalid-amount", "申报工资应为不小于0且最多两位小数的金额");
                }
                if (row.changeType() != null && !row.changeType().isBlank()) {
                    v.check(row.type() != null, p + "变更类别", "unknown-option", "变更类别应为" + ChangeType.labels() + "之一");
                    v.check(!flexible() || row.type() != ChangeType.MOVE_WITHIN_POOL, p + "变更类别", "not-for-flexible",
                            "灵活就业人员没有单位，不能办理统筹地区内转移");
                }
                if (row.identity() != null && !row.identity().isBlank()) {
                    v.check(IDENTITIES.contains(row.identity()), p + "人员身份", "unknown-option", "人员身份应为港澳台居民或外国人");
                }
                Phones.check(v, p + "联系电话", row.phone());
            }
        }
        return v;
    }

    /** The conditions of 表2's materials (catalog texts), read against the form. */
    @Override
    public boolean materialApplies(Material m) {
        String c = m.condition();
        if (c.contains("均需")) {
            return true;
        }
        if (c.contains("港澳台")) {
            return rows.stream().anyMatch(r -> "港澳台居民".equals(r.identity()));
        }
        if (c.contains("外国人")) {
            return rows.stream().anyMatch(r -> "外国人".equals(r.identity()));
        }
        if (c.contains("出国")) {
            return rows.stream().anyMatch(r -> r.type() == ChangeType.TERMINATE && r.reason() != null
                    && r.reason().contains("出国"));
        }
        if (c.contains("退休")) {
            return rows.stream().anyMatch(r -> r.type() == ChangeType.RETIRE);
        }
        if (c.equals(PersonCategory.IN_SERVICE.label())) {
            return !flexible();
        }
        if (c.equals(PersonCategory.FLEXIBLE.label())) {
            return flexible();
        }
        return false;
    }
}
