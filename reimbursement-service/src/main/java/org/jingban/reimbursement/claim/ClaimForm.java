package org.jingban.reimbursement.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.benefits.BillLine;
import org.jingban.platform.benefits.InstitutionLevel;
import org.jingban.platform.benefits.VisitType;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * The application of 手工（零星）报销 (622036006001 门(急)诊, 622036006002 住院): the catalog's 受理信息必填项 (姓名, 证件类型及号码,
 * 业务类型, 材料明细及数量, 联系电话, 银行账户信息), the visit (institution, its level, 就医地, dates), the invoices and the
 * bill's typed lines (甲/乙/丙类, 自费) the calculator pays on. The lines must add up to the invoices.
 */
public record ClaimForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @OneOf(of = ClaimForm.class, field = "BUSINESS_TYPES") @JsonProperty("业务类型") String businessType,
        @JsonProperty("联系电话") String phone,
        @JsonProperty(BANK_FIELD) BankAccount bankAccount,
        @JsonProperty("本人账户") Boolean ownAccount,
        @JsonProperty("材料明细及数量") List<MaterialCount> materialCounts,
        @JsonProperty("医疗机构名称") String institutionName,
        @JsonProperty("医疗机构编码") String institutionCode,
        @OneOf(of = org.jingban.platform.benefits.InstitutionLevel.class) @JsonProperty("医疗机构等级") String institutionLevel,
        @JsonProperty("就医地") String visitRegion,
        @JsonProperty("就诊日期") String visitDate,
        @JsonProperty("入院日期") String admissionDate,
        @JsonProperty("出院日期") String dischargeDate,
        @JsonProperty("病种编码") String diseaseCode,
        @JsonProperty("是否意外伤害") Boolean injury,
        @JsonProperty("票据") List<Invoice> invoices,
        @JsonProperty("费用明细") List<Line> lines,
        @JsonProperty("承诺替代材料") List<String> promised,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    static final String BANK_FIELD = "银行账户信息(账号、开户行；非本人账户提供相关材料)";
    public static final String ORDINARY_OUTPATIENT = "普通门诊";
    public static final String EMERGENCY_OUTPATIENT = "急诊";
    public static final String CHRONIC_OUTPATIENT = "门诊慢特病";
    public static final String ORDINARY_INPATIENT = "普通住院";
    public static final String EMERGENCY_INPATIENT = "急诊住院";
    /** 业务类型 of both claims (the outpatient item takes the first three, the inpatient item the last two). */
    public static final List<String> BUSINESS_TYPES = List.of(ORDINARY_OUTPATIENT, EMERGENCY_OUTPATIENT, CHRONIC_OUTPATIENT,
            ORDINARY_INPATIENT, EMERGENCY_INPATIENT);
    /** What a payment to an account not the applicant's needs: "非本人银行账户按参保地规定提供相关材料" (seed 000 材料 备注). */
    static final String OTHER_ACCOUNT_MATERIAL = "非本人银行账户相关材料（按参保地规定）";
    static final String EMERGENCY_CERTIFICATE = "急诊诊断证明";

    /** One line of 材料明细及数量. */
    public record MaterialCount(@JsonProperty("材料名称") String name, @JsonProperty("数量") Integer count) {
    }

    /** One 医院收费票据 (paper or electronic). */
    public record Invoice(@JsonProperty("票据号码") String number, @JsonProperty("开票日期") String date,
                          @JsonProperty("票据金额") String amount, @JsonProperty("电子票据") Boolean electronic) {
    }

    /** One line of the fee list (费用清单): 项目编码, 名称, 类别 (甲类/乙类/丙类/自费), 数量, 单价, 金额. */
    public record Line(@JsonProperty("项目编码") String code, @JsonProperty("项目名称") String name,
                       @OneOf(of = org.jingban.platform.benefits.Category.class) @JsonProperty("类别") String category, @JsonProperty("数量") BigDecimal quantity,
                       @JsonProperty("单价") String unitPrice, @JsonProperty("金额") String amount) {
    }

    @Override
    public Violations validate(ItemDefinition item) {
        ClaimKind kind = ClaimKind.ofItem(item.code()).orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("姓名", name);
        fields.put("证件类型及号码", id == null ? null : id.present());
        fields.put("业务类型", businessType);
        fields.put("材料明细及数量", materialCounts == null || materialCounts.isEmpty() ? null : materialCounts);
        fields.put("联系电话", phone);
        fields.put(BANK_FIELD, bankAccount);
        Violations v = new Violations().requireAll(fields, item.requiredFields());
        v.require("医疗机构名称", institutionName).require("医疗机构等级", institutionLevel).require("就医地", visitRegion);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (present(businessType)) {
            v.check(kind.businessTypes().contains(businessType), "业务类型", "unknown-option",
                    "业务类型应为" + String.join("、", kind.businessTypes()) + "之一");
        }
        if (present(phone)) {
            MobileNumber.check(phone).ifPresent(p -> v.add("联系电话", p.code(), p.message()));
        }
        if (bankAccount != null) {
            bankAccount.validate(v, BANK_FIELD);
        }
        if (materialCounts != null) {
            for (int i = 0; i < materialCounts.size(); i++) {
                MaterialCount m = materialCounts.get(i);
                String f = "材料明细及数量[" + i + "]";
                if (m == null || !present(m.name())) {
                    v.add(f + ".材料名称", "required", "材料名称不能为空");
                }
                if (m != null && (m.count() == null || m.count() < 1)) {
                    v.add(f + ".数量", "invalid-count", "数量应为正整数");
                }
            }
        }
        if (present(institutionLevel)) {
            v.check(InstitutionLevel.ofLabel(institutionLevel).isPresent(), "医疗机构等级", "unknown-option",
                    "医疗机构等级应为一级、二级或三级");
        }
        if (present(visitRegion)) {
            v.check(Divisions.isKnownRegionCode(visitRegion), "就医地", "unknown-region", "就医地应为6位行政区划代码");
        }
        if (kind == ClaimKind.OUTPATIENT) {
            v.require("就诊日期", visitDate);
            notFuture(v, "就诊日期", v.date("就诊日期", visitDate));
        } else {
            v.require("入院日期", admissionDate).require("出院日期", dischargeDate);
            LocalDate in = v.date("入院日期", admissionDate);
            LocalDate out = v.date("出院日期", dischargeDate);
            notFuture(v, "出院日期", out);
            if (in != null && out != null) {
                v.check(!out.isBefore(in), "出院日期", "before-admission", "出院日期不能早于入院日期");
            }
        }
        if (CHRONIC_OUTPATIENT.equals(businessType)) {
            v.require("病种编码", diseaseCode);
        }
        Bills.validate(v, invoices, lines);
        return v;
    }

    /** The bill as the calculator reads it (call after {@link #validate}). */
    public List<BillLine> bill() {
        return Bills.bill(lines);
    }

    /** The invoice numbers, normalised (upper case, no spaces): each is reimbursed at most once. */
    @JsonIgnore
    public List<String> invoiceNumbers() {
        return Bills.invoiceNumbers(invoices);
    }

    @JsonIgnore
    public Money invoicedTotal() {
        return Bills.total(invoices);
    }

    /** 门诊慢特病, 普通门（急）诊 or 住院, as the calculator takes it (entitlement decided by the service). */
    public VisitType visitType() {
        if (ORDINARY_INPATIENT.equals(businessType) || EMERGENCY_INPATIENT.equals(businessType)) {
            return VisitType.INPATIENT;
        }
        return CHRONIC_OUTPATIENT.equals(businessType) ? VisitType.CHRONIC_OUTPATIENT : VisitType.OUTPATIENT;
    }

    public boolean emergency() {
        return EMERGENCY_OUTPATIENT.equals(businessType) || EMERGENCY_INPATIENT.equals(businessType);
    }

    public boolean isInjury() {
        return Boolean.TRUE.equals(injury);
    }

    public boolean paysOwnAccount() {
        return !Boolean.FALSE.equals(ownAccount);
    }

    /** The day of the visit: 就诊日期, or 出院日期 for a stay (the bill is settled at discharge). */
    public LocalDate serviceDate() {
        return LocalDate.parse((visitType() == VisitType.INPATIENT ? dischargeDate : visitDate).trim());
    }

    @JsonIgnore
    public InstitutionLevel level() {
        return InstitutionLevel.ofLabel(institutionLevel).orElseThrow();
    }

    @Override
    public List<String> materials() {
        return materialCounts == null ? List.of() : materialCounts.stream()
                .filter(m -> m != null && present(m.name())).map(m -> m.name().trim()).toList();
    }

    @Override
    public List<String> promised() {
        return promised == null ? List.of() : promised;
    }

    /**
     * The conditional materials of 主项六: the 公检法 proof for an injury (意外伤害就医的; 无法提供的以个人承诺书替代, so
     * it may stand in 承诺替代材料). The 急诊诊断证明 ("急诊可要求提供") is the region's choice: added by the service.
     */
    @Override
    public boolean materialApplies(Material material) {
        return material.condition() != null && material.condition().contains("意外伤害") && isInjury();
    }

    /** A bill is claimed after the visit: a day after today (Asia/Shanghai) is refused with the other problems. */
    private static void notFuture(Violations v, String field, LocalDate day) {
        if (day != null) {
            v.check(!day.isAfter(LocalDate.now(org.jingban.platform.cases.Case.ZONE)), field, "future-date", "就医日期不能晚于今天");
        }
    }

    static String normalise(String invoiceNumber) {
        return Bills.normalise(invoiceNumber);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
