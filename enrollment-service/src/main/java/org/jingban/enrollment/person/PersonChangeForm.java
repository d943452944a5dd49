package org.jingban.enrollment.person;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.enrollment.shared.Phones;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.cases.Materials;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * 表5 职工参保信息变更登记 (622036001005) and 表6 城乡居民参保信息变更登记 (622036001006): the person, the
 * 关键信息标识 and the 变更明细 rows with 变更项目, 变更前信息 and 变更后信息. The item it is checked against says which
 * 变更项目 apply (表5's for 622036001005, 表6's for 622036001006).
 */
public record PersonChangeForm(
        @JsonProperty("统一社会信用代码/单位编码") String unit,
        @JsonProperty("姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @JsonProperty("联系电话") String phone,
        @OneOf(of = PersonChangeForm.class, field = "KEY_FLAGS") @JsonProperty("关键信息标识") String keyFlag,
        @JsonProperty("变更明细") List<Row> rows,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    public static final String KEY = "关键信息";
    public static final String NON_KEY = "非关键信息";
    /** 关键信息标识 options. */
    public static final List<String> KEY_FLAGS = List.of(KEY, NON_KEY);
    /** 关键信息 per the catalog: 姓名、性别、身份证号、出生日期. */
    public static final Set<String> KEY_ITEMS = Set.of("姓名", "性别", "证件号码", "出生日期");
    public static final Set<String> EMPLOYEE_ITEMS = Set.of("姓名", "性别", "证件号码", "出生日期", "联系电话", "通讯地址", "户籍地址");
    /**
     * 表6's 变更项目; 参保状态 is how a resident "办理中止、终止参保关系" through this item (seed 002 §六(二) 事项描述:
     * "…个人信息发生改变或办理中止、终止参保关系时，应向医疗保障经办机构申请办理城乡居民参保信息变更登记").
     */
    public static final Set<String> RESIDENT_ITEMS = Set.of("姓名", "性别", "证件号码", "出生日期", "联系电话", "通讯地址",
            "户籍地址", "申请人身份", "财政补助对象", InsuredPerson.COVERAGE_STATUS);
    /** 参保状态's 变更后信息: 中止参保 (e.g. before a transfer to another pool) or 终止参保. */
    public static final List<String> COVERAGE_ENDINGS = List.of("中止参保", "终止参保");
    public static final String KEY_MATERIAL = "变更姓名、性别、身份证号、出生日期等关键信息的必要的对应辅助材料";

    public record Row(@JsonProperty("变更项目") String field, @JsonProperty("变更前信息") String before,
                      @JsonProperty("变更后信息") String after) {
    }

    public boolean keyChange() {
        return rows != null && rows.stream().anyMatch(r -> r != null && KEY_ITEMS.contains(r.field()));
    }

    /** A key change (姓名、性别、证件号码、出生日期) needs the catalog's supporting material. */
    @Override
    public boolean materialApplies(Material m) {
        return keyChange() && Materials.mentions(m, "关键信息");
    }

    @Override
    public Violations validate(ItemDefinition item) {
        boolean employee = InformationChange.EMPLOYEE_ITEM.equals(item.code());
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("统一社会信用代码/单位编码", unit);
        top.put("姓名", name);
        top.put("证件类型及号码", id == null ? null : id.present());
        top.put("联系电话", phone);
        top.put("关键信息标识", keyFlag);
        Violations v = new Violations();
        List<String> rowFields = List.of("变更项目", "变更前信息", "变更后信息");
        v.requireAll(top, item.requiredFields().stream().filter(top::containsKey).toList());
        v.require("变更明细", rows);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        Phones.check(v, "联系电话", phone);
        if (keyFlag != null && !keyFlag.isBlank()) {
            v.check(KEY_FLAGS.contains(keyFlag), "关键信息标识", "unknown-option", "关键信息标识应为关键信息或非关键信息");
            if (NON_KEY.equals(keyFlag) && keyChange()) {
                v.add("关键信息标识", "inconsistent", "变更姓名、性别、证件号码或出生日期属于关键信息变更");
            }
        }
        Set<String> allowed = employee ? EMPLOYEE_ITEMS : RESIDENT_ITEMS;
        if (rows != null) {
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String p = "变更明细[" + (i + 1) + "].";
                if (row == null) {
                    v.add("变更明细[" + (i + 1) + "]", "required", "变更明细第" + (i + 1) + "行为空");
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("变更项目", row.field());
                fields.put("变更前信息", row.before());
                fields.put("变更后信息", row.after());
                for (String f : rowFields) {
                    if (item.requiredFields().contains(f)) {
                        v.require(p + f, fields.get(f));
                    }
                }
                if (row.field() == null || row.field().isBlank()) {
                    continue;
                }
                if (!allowed.contains(row.field())) {
                    v.add(p + "变更项目", "unknown-option", "变更项目应为" + String.join("、", allowed.stream().sorted().toList()) + "之一");
                    continue;
                }
                v.check(seen.add(row.field()), p + "变更项目", "duplicate-row", "同一变更项目出现多次");
                String after = row.after();
                if (after == null || after.isBlank()) {
                    continue;
                }
                v.check(!after.equals(row.before()), p + "变更后信息", "unchanged", "变更后信息与变更前信息相同");
                switch (row.field()) {
                    case "证件号码" -> ResidentIdNumber.check(after).ifPresent(pr -> v.add(p + "变更后信息", pr.code(), pr.message()));
                    case "联系电话" -> Phones.check(v, p + "变更后信息", after);
                    case InsuredPerson.COVERAGE_STATUS -> v.check(COVERAGE_ENDINGS.contains(after), p + "变更后信息",
                            "unknown-option", "参保状态的变更后信息应为" + String.join("或", COVERAGE_ENDINGS));
                    case "性别" -> v.check(after.equals("男") || after.equals("女"), p + "变更后信息", "unknown-option", "性别应为男或女");
                    case "出生日期" -> {
                        try {
                            LocalDate.parse(after);
                        } catch (DateTimeParseException e) {
                            v.add(p + "变更后信息", "invalid-date", "出生日期应为yyyy-MM-dd");
                        }
                    }
                    default -> { }
                }
            }
        }
        return v;
    }
}
