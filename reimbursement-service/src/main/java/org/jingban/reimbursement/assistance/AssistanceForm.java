package org.jingban.reimbursement.assistance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * The application of 主项八 医疗救助 (622036008001 个人缴费补贴, 622036008002 医疗救助对象手工（零星）报销): the catalog's
 * 受理信息必填项 (参保人员信息, 银行账户信息; for 008002 the 结算单 and the 处方底方 or 购药发票), the contribution paid
 * (008001) or the 结算单's figures after 基本医保 and 大病保险 (008002), the 救助对象类别 as declared (表13) and whether other
 * reimbursements were received.
 */
public record AssistanceForm(
        @JsonProperty("参保人员信息") Person person,
        @JsonProperty(BANK_FIELD) BankAccount bankAccount,
        @OneOf(of = AssistanceForm.class, field = "ACCOUNT_TYPES") @JsonProperty("账户类型") String accountType,
        @JsonProperty("救助对象类别") String category,
        @JsonProperty("缴费年度") Integer contributionYear,
        @JsonProperty("个人缴费金额") String contribution,
        @JsonProperty("缴费凭证号") String receipt,
        @JsonProperty("结算单") Statement statement,
        @JsonProperty("定点医疗机构处方底方或定点药店购药发票") String prescription,
        @JsonProperty("其他报销情况") String otherReimbursements,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    static final String BANK_FIELD = "银行账户信息(账号、开户行；非本人账户提供相关材料)";
    public static final String SOCIAL_SECURITY_CARD = "社保卡金融账户";
    static final List<String> ACCOUNT_TYPES = List.of("银行卡", SOCIAL_SECURITY_CARD);

    /** 参保人员信息: 姓名, 证件, 联系电话. */
    public record Person(@JsonProperty("姓名") String name, @JsonProperty("证件类型及号码") IdDocument id,
                         @JsonProperty("联系电话") String phone) {
    }

    /** 结算单 after 基本医疗保险 and 大病保险 (the settlement or manual reimbursement that paid them). */
    public record Statement(@JsonProperty("结算单号") String number, @JsonProperty("结算日期") String date,
                            @JsonProperty("医疗总费用") String total, @JsonProperty("政策范围内费用") String eligible,
                            @JsonProperty("基本医疗保险支付") String fund, @JsonProperty("大病保险支付") String criticalIllness) {
    }

    @Override
    public Violations validate(ItemDefinition item) {
        boolean claim = "622036008002".equals(item.code());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("参保人员信息", person);
        fields.put(BANK_FIELD, bankAccount);
        fields.put("结算单", statement);
        fields.put("定点医疗机构处方底方或定点药店购药发票", prescription);
        Violations v = new Violations().requireAll(fields, item.requiredFields());
        if (person != null) {
            v.require("参保人员信息.姓名", person.name()).require("参保人员信息.证件类型及号码", person.id() == null ? null : person.id().present());
            if (person.id() != null && person.id().present() != null) {
                person.id().validate(v, "参保人员信息.证件类型及号码");
            }
        }
        if (bankAccount != null) {
            bankAccount.validate(v, BANK_FIELD);
        }
        if (accountType != null) {
            v.check(ACCOUNT_TYPES.contains(accountType), "账户类型", "unknown-option", "账户类型应为银行卡或社保卡金融账户");
        }
        if (!claim) {
            v.require("缴费年度", contributionYear).require("个人缴费金额", contribution);
            if (contribution != null) {
                Money paid = Money.tryParse(contribution);
                v.check(paid != null && paid.signum() > 0, "个人缴费金额", "invalid-amount", "个人缴费金额应为大于0、最多两位小数的金额");
            }
        } else if (statement != null) {
            v.require("结算单.结算单号", statement.number()).require("结算单.政策范围内费用", statement.eligible())
                    .require("结算单.基本医疗保险支付", statement.fund()).require("结算单.大病保险支付", statement.criticalIllness());
            v.date("结算单.结算日期", statement.date());
            Money eligible = amount(v, "结算单.政策范围内费用", statement.eligible());
            Money fund = amount(v, "结算单.基本医疗保险支付", statement.fund());
            Money critical = amount(v, "结算单.大病保险支付", statement.criticalIllness());
            if (eligible != null && fund != null && critical != null) {
                v.check(fund.plus(critical).compareTo(eligible) <= 0, "结算单", "inconsistent",
                        "基本医疗保险与大病保险支付之和不能超过政策范围内费用");
            }
        }
        return v;
    }

    /** What is still the person's within the policy range after 基本医保 and 大病保险 (after {@link #validate}). */
    @JsonIgnore
    public Money stillPersonal() {
        return Money.parse(statement.eligible()).minus(Money.parse(statement.fund())).minus(Money.parse(statement.criticalIllness()));
    }

    @JsonIgnore
    public int year() {
        return statement != null && statement.date() != null ? LocalDate.parse(statement.date().trim()).getYear()
                : contributionYear != null ? contributionYear : LocalDate.now().getYear();
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    /** 《个人家庭经济状况核查委托授权书》 applies to a person not (yet) recognised: the service adds it (it knows who is). */
    @Override
    public boolean materialApplies(Material material) {
        return false;
    }

    private static Money amount(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Money m = Money.tryParse(text);
        if (m == null || m.signum() < 0) {
            v.add(field, "invalid-amount", field + "应为最多两位小数的金额");
            return null;
        }
        return m;
    }

}
