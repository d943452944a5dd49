package org.jingban.enrollment.contribution;

import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/** 灵活就业人员缴纳职工医疗保险费 (local:songpan): who pays, on which base, from which month, for how many months. */
public record FlexibleContributionForm(@JsonProperty("证件类型及号码") IdDocument id, @JsonProperty("缴费基数") String base,
                                       @JsonProperty("起始月份") String fromMonth, @JsonProperty("缴费月数") Integer months,
                                       @JsonProperty("参保人银行账户信息") BankAccount bankAccount,
                                       @JsonProperty("申请材料") List<String> materials, @JsonProperty("渠道") String channel,
                                       @JsonProperty(Delegate.FIELD) Delegate delegate)
        implements ItemForm {

    @Override
    public Violations validate(ItemDefinition item) {
        Violations v = personFields(id, base);
        v.require("起始月份", fromMonth).require("缴费月数", months).require("参保人银行账户信息", bankAccount);
        if (fromMonth != null && !fromMonth.isBlank()) {
            v.check(month(fromMonth) != null, "起始月份", "invalid-month", "起始月份应为yyyy-MM");
        }
        if (months != null) {
            v.check(months >= 1 && months <= 12, "缴费月数", "out-of-range", "缴费月数应在1至12之间");
        }
        return v;
    }

    /** 证件类型及号码 and 缴费基数, as the personal contribution items ask for them. */
    static Violations personFields(IdDocument id, String base) {
        Violations v = new Violations().require("证件类型及号码", id == null ? null : id.present()).require("缴费基数", base);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (base != null && !base.isBlank()) {
            Long fen = Money.parseFen(base);
            v.check(fen != null && fen > 0, "缴费基数", "invalid-amount", "缴费基数应为大于0且最多两位小数的金额");
        }
        return v;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
