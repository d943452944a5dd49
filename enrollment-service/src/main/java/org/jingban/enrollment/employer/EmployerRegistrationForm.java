package org.jingban.enrollment.employer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.enrollment.shared.Phones;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * 表1 基本医疗保险单位参保信息登记表 (622036001001 单位参保登记). JSON names are the catalog's 受理信息必填项;
 * the composite ones (法定代表人信息…, 银行账户信息…, 单位经办人员信息…) are objects with their parts. 登记类型 travels as
 * its label and is read as {@link RegistrationType} once {@link #validate} found it to be one of 表1's.
 */
public record EmployerRegistrationForm(
        @OneOf(of = RegistrationType.class) @JsonProperty("登记类型") String registrationType,
        @JsonProperty("统一社会信用代码") String uscc,
        @JsonProperty("原统一社会信用代码") String formerUscc,
        @JsonProperty("单位名称") String name,
        @JsonProperty("单位性质") String nature,
        @JsonProperty("通讯地址") String address,
        @JsonProperty("法定代表人信息(姓名、证件类型及号码、电话)") LegalRepresentative legalRepresentative,
        @JsonProperty("银行账户信息(账号、开户行；非本人账户提供相关材料)") BankAccount bankAccount,
        @OneOf(of = EmployerRegistrationForm.class, field = "INSURANCE_TYPES") @JsonProperty("参保险种") List<String> insuranceTypes,
        @JsonProperty("参保日期") String enrolledOn,
        @JsonProperty("参保地区") String regionCode,
        @JsonProperty("单位经办人员信息(姓名、手机号)") Agent agent,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    /** 表1 参保险种 options (其他(____) accepted as 其他…). */
    public static final List<String> INSURANCE_TYPES = List.of("职工基本医疗保险", "生育保险", "职工大额医疗费用补助");

    /** 登记类型 as the enum; null when absent or not one of 表1's (then {@link #validate} reported it). */
    public RegistrationType type() {
        return RegistrationType.find(registrationType).orElse(null);
    }

    /** What the register keeps of the form. */
    public UnitDetails details() {
        return new UnitDetails(formerUscc, name, nature, address, legalRepresentative, bankAccount, insuranceTypes,
                enrolledOn, regionCode, agent);
    }

    /**
     * The catalog's materials by 登记类型 where the region's guide lists them — 松潘 (seed 003 备注): "办理单位拆分、合并、
     * 分立的，需提供有权机关(单位)批准的文件；办理单位注销登记的，需提供有权机关(单位)出具的注销证明文件或注销资料". They
     * are conditional materials of 513224's item only, so a Gansu unit is not asked for them.
     */
    @Override
    public boolean materialApplies(Material m) {
        String c = m.condition() == null ? "" : m.condition();
        if (c.contains("拆分") || c.contains("合并") || c.contains("分立")) {
            return type() == RegistrationType.RESTRUCTURE;
        }
        if (c.contains("注销")) {
            return type() == RegistrationType.CANCEL;
        }
        return false;
    }

    /** Every problem of the form at once (catalog required fields first, then formats). */
    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> byCatalogName = new LinkedHashMap<>();
        byCatalogName.put("登记类型", registrationType);
        byCatalogName.put("统一社会信用代码", uscc);
        byCatalogName.put("单位性质", nature);
        byCatalogName.put("通讯地址", address);
        byCatalogName.put("法定代表人信息(姓名、证件类型及号码、电话)", legalRepresentative);
        byCatalogName.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", bankAccount);
        byCatalogName.put("参保险种", insuranceTypes);
        byCatalogName.put("参保日期", enrolledOn);
        byCatalogName.put("参保地区", regionCode);
        byCatalogName.put("单位经办人员信息(姓名、手机号)", agent);
        Violations v = new Violations().requireAll(byCatalogName, item.requiredFields());
        v.require("单位名称", name);
        if (present(registrationType)) {
            v.check(type() != null, "登记类型", "unknown-option", "登记类型应为" + RegistrationType.labels() + "之一");
        }
        if (present(uscc)) {
            UnifiedSocialCreditCode.check(uscc).ifPresent(p -> v.add("统一社会信用代码", p.code(), p.message()));
        }
        if (type() == RegistrationType.RESTRUCTURE) {
            v.require("原统一社会信用代码", formerUscc);
        }
        if (present(formerUscc)) {
            UnifiedSocialCreditCode.check(formerUscc).ifPresent(p -> v.add("原统一社会信用代码", p.code(), p.message()));
        }
        if (legalRepresentative != null) {
            String f = "法定代表人信息(姓名、证件类型及号码、电话)";
            v.require(f + ".姓名", legalRepresentative.name()).require(f + ".电话", legalRepresentative.phone());
            if (legalRepresentative.id() == null) {
                v.require(f + ".证件类型及号码", null);
            } else {
                legalRepresentative.id().validate(v, f + ".证件类型及号码");
            }
            Phones.check(v, f + ".电话", legalRepresentative.phone());
        }
        if (bankAccount != null) {
            bankAccount.validate(v, "银行账户信息(账号、开户行；非本人账户提供相关材料)");
        }
        if (insuranceTypes != null) {
            for (String type : insuranceTypes) {
                v.check(INSURANCE_TYPES.contains(type) || (type != null && type.startsWith("其他")), "参保险种",
                        "unknown-option", "参保险种「" + type + "」不在表1的选项中");
            }
        }
        if (present(enrolledOn)) {
            v.check(date(enrolledOn) != null, "参保日期", "invalid-date", "参保日期应为yyyy-MM-dd");
        }
        if (present(regionCode)) {
            v.check(regionCode.matches("\\d{6}") && Divisions.isKnownRegionCode(regionCode), "参保地区", "unknown-region",
                    "参保地区应为有效的6位医保区划代码");
        }
        if (agent != null) {
            String f = "单位经办人员信息(姓名、手机号)";
            v.require(f + ".姓名", agent.name()).require(f + ".手机号", agent.mobile());
            if (present(agent.mobile())) {
                MobileNumber.check(agent.mobile()).ifPresent(p -> v.add(f + ".手机号", p.code(), p.message()));
            }
        }
        return v;
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
