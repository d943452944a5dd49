package org.jingban.designation.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.designation.agreement.Contact;
import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.web.problem.Violations;
import org.jingban.designation.agreement.Levels;

/**
 * 表14 医疗机构申请定点协议管理申请表 (seed 002 §二十五): the 29 受理信息必填项 with the catalog's names as JSON names,
 * and the optional 执业地址 and 申请协议范围. Numbers and dates are strings so that every bad value is reported at once.
 */
public record MedicalInstitutionForm(
        @JsonProperty("医疗机构名称") String institutionName,
        @JsonProperty("法定代表人信息(姓名、身份证号、联系方式)") Contact legalRepresentative,
        @JsonProperty("主要负责人信息(姓名、身份证号、联系方式)") Contact principal,
        @JsonProperty("实际控制人信息(姓名、身份证号、联系方式)") Contact controller,
        @JsonProperty("医疗机构成立时间") String foundedOn,
        @JsonProperty("医疗机构性质") String nature,
        @io.swagger.v3.oas.annotations.media.Schema(description = "一级、二级、三级（可含甲乙丙等）或未定级", example = "二级甲等") @JsonProperty("医疗机构等级") String grade,
        @JsonProperty("医疗机构类别") String category,
        @JsonProperty("统一社会信用代码") String creditCode,
        @JsonProperty("注册地址") String registeredAddress,
        @JsonProperty("医疗机构执业许可证发证机关") String licenceIssuer,
        @JsonProperty("医疗机构执业许可证发证日期") String licenceIssuedOn,
        @JsonProperty("医疗机构执业许可证登记号") String licenceNumber,
        @JsonProperty("医疗机构执业许可证有效期限开始日期") String licenceValidFrom,
        @JsonProperty("医疗机构执业许可证有效期限截止日期") String licenceValidTo,
        @JsonProperty("诊疗科目") String practiceScope,
        @JsonProperty("执业地址行政区划") String divisionCode,
        @JsonProperty("是否配有专(兼)职医保管理人员") Boolean insuranceStaff,
        @JsonProperty("是否设有内部医保管理部门") Boolean insuranceDepartment,
        @JsonProperty("是否具有医保管理、财务、统计信息管理、医疗质量安全核心制度") Boolean coreRules,
        @JsonProperty("是否具有符合医保协议管理要求的信息系统") Boolean informationSystem,
        @JsonProperty("是否设立医保药品、诊疗项目、医疗服务设施、医用耗材、疾病病种等基础数据库") Boolean baseDatabases,
        @JsonProperty("银行账户信息(账号、开户行)") BankAccount bankAccount,
        @JsonProperty("建筑面积") String floorArea,
        @JsonProperty("编制床位数") String plannedBeds,
        @JsonProperty("实际开放床位数") String openBeds,
        @JsonProperty("收费等级") String feeGrade,
        @JsonProperty("联系人姓名") String contactName,
        @JsonProperty("联系人手机号") String contactPhone,
        @JsonProperty("执业地址") String practiceAddress,
        @JsonProperty("申请协议范围") List<String> requestedScope,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel) implements DesignationForm {

    /** 医疗机构等级 as the agreement keeps it: the 级 of 表14's value (三级甲等 → 三级), or 未定级. */

    public MedicalInstitutionForm {
        requestedScope = requestedScope == null ? List.of() : List.copyOf(requestedScope);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> fields = ItemSubmissions.formMap(this);
        Violations v = new Violations().requireAll(fields, item.requiredFields());
        DesignationForm.checkCommon(v, this, "医疗机构名称", "执业地址行政区划", "联系人手机号");
        for (var c : List.of(Map.entry("法定代表人信息(姓名、身份证号、联系方式)", nullSafe(legalRepresentative)),
                Map.entry("主要负责人信息(姓名、身份证号、联系方式)", nullSafe(principal)),
                Map.entry("实际控制人信息(姓名、身份证号、联系方式)", nullSafe(controller)))) {
            if (c.getValue().present()) {
                c.getValue().validate(v, c.getKey());
            }
        }
        if (bankAccount != null) {
            bankAccount.validate(v, "银行账户信息(账号、开户行)");
        }
        Levels.check(v, "医疗机构等级", grade);
        LocalDate founded = DesignationForm.date(v, "医疗机构成立时间", foundedOn);
        DesignationForm.date(v, "医疗机构执业许可证发证日期", licenceIssuedOn);
        LocalDate from = DesignationForm.date(v, "医疗机构执业许可证有效期限开始日期", licenceValidFrom);
        LocalDate to = DesignationForm.date(v, "医疗机构执业许可证有效期限截止日期", licenceValidTo);
        if (from != null && to != null) {
            v.check(to.isAfter(from), "医疗机构执业许可证有效期限截止日期", "before-start", "许可证有效期限截止日期应晚于开始日期");
        }
        DesignationForm.decimal(v, "建筑面积", floorArea);
        Long planned = DesignationForm.count(v, "编制床位数", plannedBeds);
        Long open = DesignationForm.count(v, "实际开放床位数", openBeds);
        if (founded != null) {
            v.check(!founded.isAfter(LocalDate.now().plusDays(1)), "医疗机构成立时间", "in-future", "医疗机构成立时间不能晚于今天");
        }
        if (planned != null && open != null && planned == 0 && open > 0) {
            v.add("实际开放床位数", "no-planned-beds", "编制床位数为0时不能有实际开放床位");
        }
        return v;
    }

    private static Contact nullSafe(Contact c) {
        return c == null ? new Contact(null, null, null) : c;
    }

    @Override
    public InstitutionKind kind() {
        return InstitutionKind.MEDICAL_INSTITUTION;
    }

    @Override
    public String level() {
        return Levels.of(grade);
    }

    @Override
    public LocalDate licenceValidUntil() {
        return DesignationForm.parsedOrNull(licenceValidTo);
    }
}
