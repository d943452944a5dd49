package org.jingban.enrollment.employer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.enrollment.shared.Phones;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/**
 * 表4 基本医疗保险参保单位信息变更登记表 (622036001004): the unit's information as it shall be after the change;
 * the service compares it with the register and records every changed item with its 原登记事项 and 变更事项.
 * {@code 新统一社会信用代码} is given only when the code itself changes.
 */
public record EmployerChangeForm(
        @JsonProperty("统一社会信用代码/单位编码") String unit,
        @JsonProperty("新统一社会信用代码") String newUscc,
        @JsonProperty("单位名称") String name,
        @JsonProperty("单位地址") String address,
        @JsonProperty("单位类型") String nature,
        @JsonProperty("开户银行信息") BankAccount bankAccount,
        @JsonProperty("法定代表人/负责人姓名") String legalRepresentativeName,
        @JsonProperty("法定代表人/负责人证件类型及号码") IdDocument legalRepresentativeId,
        @JsonProperty("法定代表人/负责人联系电话") String legalRepresentativePhone,
        @JsonProperty("缴费单位经办人员姓名") String agentName,
        @JsonProperty("缴费单位经办人员联系电话") String agentPhone,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    public static final String KEY_MATERIAL = "变更统一社会信用代码、法定代表人等关键信息的必要的对应辅助材料";

    /** The unit as it shall be. */
    public UnitChange change() {
        return new UnitChange(newUscc, name, address, nature, bankAccount,
                new LegalRepresentative(legalRepresentativeName, legalRepresentativeId, legalRepresentativePhone),
                new Agent(agentName, agentPhone));
    }

    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> byCatalogName = new LinkedHashMap<>();
        byCatalogName.put("统一社会信用代码/单位编码", unit);
        byCatalogName.put("单位名称", name);
        byCatalogName.put("单位地址", address);
        byCatalogName.put("单位类型", nature);
        byCatalogName.put("开户银行信息", bankAccount);
        byCatalogName.put("法定代表人/负责人姓名", legalRepresentativeName);
        byCatalogName.put("法定代表人/负责人证件类型及号码", legalRepresentativeId == null ? null : legalRepresentativeId.present());
        byCatalogName.put("法定代表人/负责人联系电话", legalRepresentativePhone);
        byCatalogName.put("缴费单位经办人员姓名", agentName);
        byCatalogName.put("缴费单位经办人员联系电话", agentPhone);
        Violations v = new Violations().requireAll(byCatalogName, item.requiredFields());
        if (newUscc != null && !newUscc.isBlank()) {
            UnifiedSocialCreditCode.check(newUscc).ifPresent(p -> v.add("新统一社会信用代码", p.code(), p.message()));
        }
        if (legalRepresentativeId != null && legalRepresentativeId.present() != null) {
            legalRepresentativeId.validate(v, "法定代表人/负责人证件类型及号码");
        }
        if (bankAccount != null) {
            bankAccount.validate(v, "开户银行信息");
        }
        Phones.check(v, "法定代表人/负责人联系电话", legalRepresentativePhone);
        Phones.check(v, "缴费单位经办人员联系电话", agentPhone);
        return v;
    }
}
