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

/**
 * 表15 零售药店申请定点协议管理申请表 (seed 002 §二十六): the 28 受理信息必填项 with the catalog's names as JSON names,
 * and the optional 银行账户信息 and 申请协议范围. 联系人 of the agreement is 药店负责人.
 */
public record PharmacyForm(
        @JsonProperty("零售药店名称") String institutionName,
        @JsonProperty("成立日期") String foundedOn,
        @JsonProperty("法定代表人信息(姓名、身份证号、联系方式)") Contact legalRepresentative,
        @JsonProperty("企业负责人信息(姓名、身份证号、联系方式)") Contact principal,
        @JsonProperty("实际控制人信息(姓名、身份证号、联系方式)") Contact controller,
        @JsonProperty("统一社会信用代码") String creditCode,
        @JsonProperty("药品经营许可证证号") String licenceNumber,
        @JsonProperty("药品经营许可证发证日期") String licenceIssuedOn,
        @JsonProperty("药品经营许可证有效期截止日期") String licenceValidTo,
        @JsonProperty("药品经营许可证发证机关") String licenceIssuer,
        @JsonProperty("经营方式") String businessMode,
        @JsonProperty("经营范围") String practiceScope,
        @JsonProperty("经济类型") String economicType,
        @JsonProperty("注册地址") String registeredAddress,
        @JsonProperty("仓库地址") String warehouseAddress,
        @JsonProperty("营业地址行政区划") String divisionCode,
        @JsonProperty("经营药品品种数量") String drugVarieties,
        @JsonProperty("医保目录内药品数量") String listedDrugs,
        @JsonProperty("药店负责人姓名") String contactName,
        @JsonProperty("药店负责人手机号") String contactPhone,
        @JsonProperty("是否配有专(兼)职医保管理人员") Boolean insuranceStaff,
        @JsonProperty("是否具备与医疗保障政策对应的内部管理制度和财务制度") Boolean rules,
        @JsonProperty("是否建立药品进销存信息系统") Boolean stockSystem,
        @JsonProperty("是否设立医保/非医保专区，并有明确标示") Boolean separateAreas,
        @JsonProperty("是否经营中药饮片") Boolean herbalPieces,
        @JsonProperty("执业药师人数") String licensedPharmacists,
        @JsonProperty("从业药师人数") String practisingPharmacists,
        @JsonProperty("药师总人数") String pharmacists,
        @JsonProperty("银行账户信息(账号、开户行)") BankAccount bankAccount,
        @JsonProperty("申请协议范围") List<String> requestedScope,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel) implements DesignationForm {

    public PharmacyForm {
        requestedScope = requestedScope == null ? List.of() : List.copyOf(requestedScope);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> fields = ItemSubmissions.formMap(this);
        Violations v = new Violations().requireAll(fields, item.requiredFields());
        DesignationForm.checkCommon(v, this, "零售药店名称", "营业地址行政区划", "药店负责人手机号");
        for (var c : List.of(Map.entry("法定代表人信息(姓名、身份证号、联系方式)", legalRepresentative),
                Map.entry("企业负责人信息(姓名、身份证号、联系方式)", principal),
                Map.entry("实际控制人信息(姓名、身份证号、联系方式)", controller))) {
            if (c.getValue() != null && c.getValue().present()) {
                c.getValue().validate(v, c.getKey());
            }
        }
        if (bankAccount != null) {
            bankAccount.validate(v, "银行账户信息(账号、开户行)");
        }
        DesignationForm.date(v, "成立日期", foundedOn);
        LocalDate issued = DesignationForm.date(v, "药品经营许可证发证日期", licenceIssuedOn);
        LocalDate to = DesignationForm.date(v, "药品经营许可证有效期截止日期", licenceValidTo);
        if (issued != null && to != null) {
            v.check(to.isAfter(issued), "药品经营许可证有效期截止日期", "before-start", "许可证有效期截止日期应晚于发证日期");
        }
        Long varieties = DesignationForm.count(v, "经营药品品种数量", drugVarieties);
        Long listed = DesignationForm.count(v, "医保目录内药品数量", listedDrugs);
        if (varieties != null && listed != null) {
            v.check(listed <= varieties, "医保目录内药品数量", "more-than-total", "医保目录内药品数量不能多于经营药品品种数量");
        }
        Long licensed = DesignationForm.count(v, "执业药师人数", licensedPharmacists);
        Long practising = DesignationForm.count(v, "从业药师人数", practisingPharmacists);
        Long total = DesignationForm.count(v, "药师总人数", pharmacists);
        if (total != null && licensed != null) {
            v.check(licensed <= total, "执业药师人数", "more-than-total", "执业药师人数不能多于药师总人数");
        }
        if (total != null && practising != null) {
            v.check(practising <= total, "从业药师人数", "more-than-total", "从业药师人数不能多于药师总人数");
        }
        return v;
    }

    @Override
    public InstitutionKind kind() {
        return InstitutionKind.RETAIL_PHARMACY;
    }

    @Override
    public String level() {
        return null;
    }

    @Override
    public LocalDate licenceValidUntil() {
        return DesignationForm.parsedOrNull(licenceValidTo);
    }
}
