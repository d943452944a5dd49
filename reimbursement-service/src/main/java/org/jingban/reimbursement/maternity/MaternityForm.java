package org.jingban.reimbursement.maternity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.reimbursement.claim.Bills;
import org.jingban.reimbursement.claim.ClaimForm;
import org.jingban.platform.service.openapi.OneOf;

/**
 * The application of 主项七 生育保险待遇 (622036007001–004): the catalog's 受理信息必填项 of the item, who the benefit is
 * for (申请人类别: 女职工, 领取失业保险金的女职工, 男职工未就业配偶 with the insured husband, or for 计划生育 a 男职工), the
 * bill for the three that pay one (票据, 费用明细), and for 生育津贴 the unit's average monthly wage of the previous year,
 * the leave and its circumstances. The 出生医学证明 is looked up by its number first (部门数据共享, gansu remark).
 */
public record MaternityForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @JsonProperty("联系电话") String phone,
        @JsonProperty(BANK_FIELD) BankAccount bankAccount,
        @JsonProperty("本人账户") Boolean ownAccount,
        @OneOf(of = MaternityForm.class, field = "CATEGORIES") @JsonProperty("申请人类别") String category,
        @JsonProperty("参保职工姓名") String insuredName,
        @JsonProperty("参保职工证件类型及号码") IdDocument insuredId,
        @JsonProperty("参保缴费信息") InsuredUnit insuredUnit,
        @JsonProperty("门诊病历") String outpatientRecord,
        @JsonProperty("医疗机构名称") String institutionName,
        @JsonProperty("就诊日期") String serviceDate,
        @OneOf(of = MaternityForm.class, field = "DELIVERIES") @JsonProperty("分娩方式") String delivery,
        @JsonProperty("手术项目") String operation,
        @JsonProperty("出生医学证明编号") String birthCertificate,
        @JsonProperty("票据") List<ClaimForm.Invoice> invoices,
        @JsonProperty("费用明细") List<ClaimForm.Line> lines,
        @JsonProperty("单位上年度职工月平均工资") String unitAverageWage,
        @JsonProperty("产假开始日期") String leaveStart,
        @JsonProperty("是否难产") Boolean dystocia,
        @JsonProperty("胎数") Integer babies,
        @JsonProperty("流产妊娠月数") Integer miscarriageMonths,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("承诺替代材料") List<String> promised,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    static final String BANK_FIELD = "银行账户信息(账号、开户行；非本人账户提供相关材料)";
    public static final String WOMAN = "女职工";
    public static final String UNEMPLOYED_WOMAN = "领取失业保险金的女职工";
    public static final String SPOUSE = "男职工未就业配偶";
    public static final String MAN = "男职工";
    /** Who may claim (seed 002 §十九–二十一 办理条件); a 男职工 only for 计划生育 (§二十一: 参保女职工或男职工). */
    static final List<String> CATEGORIES = List.of(WOMAN, UNEMPLOYED_WOMAN, SPOUSE, MAN);
    static final List<String> DELIVERIES = List.of("顺产", "剖宫产", "流产");

    /** 参保缴费信息: the insured unit. */
    public record InsuredUnit(@JsonProperty("参保单位名称") String name,
                              @JsonProperty("统一社会信用代码") String uscc) {
    }

    @Override
    public Violations validate(ItemDefinition item) {
        MaternityKind kind = MaternityKind.ofItem(item.code()).orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("姓名", name);
        fields.put("证件类型及号码", id == null ? null : id.present());
        fields.put("联系电话", phone);
        fields.put(BANK_FIELD, bankAccount);
        fields.put("参保缴费信息", insuredUnit);
        fields.put("医院收费票据", invoices == null || invoices.isEmpty() ? null : invoices);
        fields.put("费用明细", lines == null || lines.isEmpty() ? null : lines);
        fields.put("门诊病历", outpatientRecord);
        Violations v = new Violations().requireAll(fields, item.requiredFields());
        v.require("申请人类别", category);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (present(phone)) {
            MobileNumber.check(phone).ifPresent(p -> v.add("联系电话", p.code(), p.message()));
        }
        if (bankAccount != null) {
            bankAccount.validate(v, BANK_FIELD);
        }
        if (present(category)) {
            v.check(CATEGORIES.contains(category), "申请人类别", "unknown-option", "申请人类别应为" + String.join("、", CATEGORIES) + "之一");
            v.check(!MAN.equals(category) || kind == MaternityKind.FAMILY_PLANNING, "申请人类别", "not-eligible",
                    "男职工本人仅可申请计划生育医疗费支付");
        }
        if (SPOUSE.equals(category)) {
            v.require("参保职工姓名", insuredName).require("参保职工证件类型及号码", insuredId == null ? null : insuredId.present());
            if (insuredId != null && insuredId.present() != null) {
                insuredId.validate(v, "参保职工证件类型及号码");
            }
        }
        if (insuredUnit != null && present(insuredUnit.uscc())) {
            UnifiedSocialCreditCode.check(insuredUnit.uscc()).ifPresent(p -> v.add("参保缴费信息.统一社会信用代码", p.code(), p.message()));
        }
        v.require("就诊日期", serviceDate);
        v.date("就诊日期", serviceDate);
        if (kind.paysBill()) {
            v.require("医疗机构名称", institutionName);
            Bills.validate(v, invoices, lines);
        }
        if (kind == MaternityKind.DELIVERY) {
            v.require("分娩方式", delivery);
            if (present(delivery)) {
                v.check(DELIVERIES.contains(delivery), "分娩方式", "unknown-option", "分娩方式应为顺产、剖宫产或流产");
            }
        }
        if (kind == MaternityKind.FAMILY_PLANNING) {
            v.require("手术项目", operation);
        }
        if (kind == MaternityKind.ALLOWANCE) {
            v.require("单位上年度职工月平均工资", unitAverageWage).require("产假开始日期", leaveStart);
            if (present(unitAverageWage)) {
                Money wage = Money.tryParse(unitAverageWage);
                v.check(wage != null && wage.signum() > 0, "单位上年度职工月平均工资", "invalid-amount",
                        "单位上年度职工月平均工资应为大于0、最多两位小数的金额");
            }
            v.date("产假开始日期", leaveStart);
            v.check(babies == null || (babies >= 1 && babies <= 9), "胎数", "invalid-count", "胎数应为1至9");
            v.check(miscarriageMonths == null || (miscarriageMonths >= 1 && miscarriageMonths <= 10), "流产妊娠月数",
                    "invalid-count", "流产妊娠月数应为1至10");
        }
        return v;
    }

    /** The 证件 of the insured employee: the husband's for a 男职工未就业配偶, else the applicant's own. */
    @JsonIgnore
    public IdDocument insured() {
        return SPOUSE.equals(category) ? insuredId : id;
    }

    @JsonIgnore
    public LocalDate day() {
        return LocalDate.parse(serviceDate.trim());
    }

    public boolean paysOwnAccount() {
        return !Boolean.FALSE.equals(ownAccount);
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    @Override
    public List<String> promised() {
        return promised == null ? List.of() : promised;
    }

    /** Conditional materials: the 承诺书 of 财政供养单位的非财政供养人员 is the unit's to add; none otherwise. */
    @Override
    public boolean materialApplies(Material material) {
        return false;
    }


    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
