package org.jingban.enrollment.person;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.enrollment.shared.Phones;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/** 表3 城乡居民基本医疗保险参保登记表 (622036001003 城乡居民参保登记, 即时办结). */
public record ResidentRegistrationForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @OneOf(of = org.jingban.platform.identifiers.Gender.class) @JsonProperty("性别") String gender,
        @JsonProperty("出生日期") String birthDate,
        @JsonProperty("联系电话") String phone,
        @JsonProperty("户籍地址") String householdAddress,
        @JsonProperty("通讯地址") String mailingAddress,
        @OneOf(of = ResidentRegistrationForm.class, field = "IDENTITIES") @JsonProperty("申请人身份") String applicantIdentity,
        @OneOf(of = ResidentRegistrationForm.class, field = "SUBSIDY_CATEGORIES") @JsonProperty("财政补助对象") String subsidyCategory,
        @JsonProperty("参保地区") String regionCode,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    /** 申请人身份, as 表3 suggests (□中小学儿童□大学生□无业成年人等) plus the usual others. */
    public static final List<String> IDENTITIES = List.of("学龄前儿童", "中小学儿童", "大学生", "无业成年人", "老年居民", "其他");
    /** 财政补助对象 (□低保 □重残□低收入等); empty when none. */
    public static final List<String> SUBSIDY_CATEGORIES = List.of("低保", "重残", "低收入", "特困", "脱贫人口", "其他");

    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> byCatalogName = new LinkedHashMap<>();
        byCatalogName.put("姓名", name);
        byCatalogName.put("证件类型及号码", id == null ? null : id.present());
        byCatalogName.put("出生日期", birthDate);
        byCatalogName.put("联系电话", phone);
        byCatalogName.put("户籍地址", householdAddress);
        byCatalogName.put("申请人身份", applicantIdentity);
        Violations v = new Violations().requireAll(byCatalogName, item.requiredFields());
        v.require("参保地区", regionCode);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        LocalDate birth = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                birth = LocalDate.parse(birthDate);
            } catch (DateTimeParseException e) {
                v.add("出生日期", "invalid-date", "出生日期应为yyyy-MM-dd");
            }
        }
        if (birth != null && id != null && id.isResidentId()) {
            v.check(birth.equals(id.birthDate()), "出生日期", "inconsistent", "出生日期与身份证号码不一致");
        }
        if (gender != null && !gender.isBlank()) {
            v.check(gender.equals("男") || gender.equals("女"), "性别", "unknown-option", "性别应为男或女");
            if (id != null && id.isResidentId()) {
                v.check(gender.equals(id.gender()), "性别", "inconsistent", "性别与身份证号码不一致");
            }
        }
        if (applicantIdentity != null && !applicantIdentity.isBlank()) {
            v.check(IDENTITIES.contains(applicantIdentity), "申请人身份", "unknown-option",
                    "申请人身份应为" + String.join("、", IDENTITIES) + "之一");
        }
        if (subsidyCategory != null && !subsidyCategory.isBlank()) {
            v.check(SUBSIDY_CATEGORIES.contains(subsidyCategory), "财政补助对象", "unknown-option",
                    "财政补助对象应为" + String.join("、", SUBSIDY_CATEGORIES) + "之一");
        }
        if (regionCode != null && !regionCode.isBlank()) {
            v.check(regionCode.matches("\\d{6}") && Divisions.isKnownRegionCode(regionCode), "参保地区", "unknown-region",
                    "参保地区应为有效的6位医保区划代码");
        }
        Phones.check(v, "联系电话", phone);
        return v;
    }
}
