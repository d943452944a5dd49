package org.jingban.enrollment.withdrawal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.enrollment.shared.Phones;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * 表7 职工基本医疗保险个人账户一次性支取申请表 (622036002003); 主动放弃 adds 表17's 情况说明. Its 被委托人基本情况 ("如无
 * 被委托人，无需填写") is the kernel's {@link Delegate} block, 备注 the form's own line.
 */
public record WithdrawalForm(
        @JsonProperty("参保人员姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @OneOf(of = WithdrawalForm.class, field = "REASONS") @JsonProperty("支取原因") String reason,
        @JsonProperty("参保单位名称") String unitName,
        @JsonProperty("参保人员银行账户信息(账号、开户行；非本人账户提供相关材料)") BankAccount bankAccount,
        @JsonProperty("领取人(继承人、代表人)姓名") String payeeName,
        @JsonProperty("领取人(继承人、代表人)证件类型及号码") IdDocument payeeId,
        @JsonProperty("与参保人员关系") String relation,
        @JsonProperty("领取人(继承人、代表人)联系方式") String payeePhone,
        @JsonProperty(value = "死亡信息已通过数据共享核验", access = JsonProperty.Access.READ_ONLY) Boolean deathInfoShared,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("承诺替代材料") List<String> promised,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate,
        @JsonProperty("备注") String remark) implements ItemForm {

    public static final String DEATH = "死亡";
    public static final String OTHER = "其他";
    /** 表7 支取原因 options. */
    public static final List<String> REASONS = List.of(DEATH, "出国(境)定居", "主动放弃", OTHER);
    /** 与参保人员关系 when the insured person applies themself. */
    public static final String SELF = "本人";

    /**
     * The form as the office reads it: whether the death is confirmed by 部门数据共享 is the office's finding (the
     * {@link DeathRecords} lookup), never the applicant's word; it decides whether the 个人承诺书 is needed.
     */
    public WithdrawalForm withDeathConfirmed(boolean confirmed) {
        return new WithdrawalForm(name, id, reason, unitName, bankAccount, payeeName, payeeId, relation, payeePhone,
                confirmed, materials, promised, channel, delegate, remark);
    }

    /** Whether the insured person applies themself (else an heir, representative or other payee). */
    public boolean bySelf() {
        return SELF.equals(relation);
    }

    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> byCatalogName = new LinkedHashMap<>();
        byCatalogName.put("参保人员姓名", name);
        byCatalogName.put("证件类型及号码", id == null ? null : id.present());
        byCatalogName.put("支取原因", reason);
        byCatalogName.put("参保单位名称", unitName);
        byCatalogName.put("参保人员银行账户信息(账号、开户行；非本人账户提供相关材料)", bankAccount);
        byCatalogName.put("领取人(继承人、代表人)姓名", payeeName);
        byCatalogName.put("领取人(继承人、代表人)证件类型及号码", payeeId == null ? null : payeeId.present());
        byCatalogName.put("与参保人员关系", relation);
        byCatalogName.put("领取人(继承人、代表人)联系方式", payeePhone);
        Violations v = new Violations().requireAll(byCatalogName, item.requiredFields());
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (payeeId != null && payeeId.present() != null) {
            payeeId.validate(v, "领取人(继承人、代表人)证件类型及号码");
        }
        if (reason != null && !reason.isBlank()) {
            v.check(REASONS.contains(reason), "支取原因", "unknown-option", "支取原因应为" + String.join("、", REASONS) + "之一");
        }
        if (DEATH.equals(reason) && bySelf()) {
            v.add("与参保人员关系", "inconsistent", "因死亡支取的，领取人应为继承人或其代表人");
        }
        if (bankAccount != null) {
            bankAccount.validate(v, "参保人员银行账户信息(账号、开户行；非本人账户提供相关材料)");
        }
        Phones.check(v, "领取人(继承人、代表人)联系方式", payeePhone);
        return v;
    }

    /** The catalog's conditional materials of 622036002003, read against the form. */
    @Override
    public boolean materialApplies(Material m) {
        String c = m.condition();
        if (c.contains("无法查询死亡信息") || c.contains("无法提供")) {
            return DEATH.equals(reason) && Boolean.FALSE.equals(deathInfoShared);
        }
        if (c.contains("因死亡支取")) {
            return DEATH.equals(reason);
        }
        if (c.contains("主动放弃")) {
            return "主动放弃".equals(reason);
        }
        return false;
    }
}
