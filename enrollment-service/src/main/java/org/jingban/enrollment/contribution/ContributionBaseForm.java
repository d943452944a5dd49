package org.jingban.enrollment.contribution;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/** 参保单位缴费基数申报 (local:songpan): the unit, the year, and each employee's 缴费基数. */
public record ContributionBaseForm(@JsonProperty("统一社会信用代码/单位编码") String unit, @JsonProperty("申报年度") String year,
                                   @JsonProperty("人员明细") List<Row> rows, @JsonProperty("申请材料") List<String> materials,
                                   @JsonProperty("渠道") String channel,
                                   @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    public record Row(@JsonProperty("姓名") String name, @JsonProperty("证件号码") String idNumber,
                      @JsonProperty("缴费基数") String base) {
    }

    @Override
    public Violations validate(ItemDefinition item) {
        Violations v = new Violations().require("统一社会信用代码/单位编码", unit).require("申报年度", year)
                .require("人员明细", rows);
        if (year != null && !year.isBlank()) {
            v.check(year.matches("\\d{4}"), "申报年度", "invalid-year", "申报年度应为4位年份");
        }
        if (rows != null) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String p = "人员明细[" + (i + 1) + "].";
                v.require(p + "姓名", row == null ? null : row.name()).require(p + "证件号码", row == null ? null : row.idNumber())
                        .require(p + "缴费基数", row == null ? null : row.base());
                if (row != null && row.base() != null && !row.base().isBlank()) {
                    Long fen = Money.parseFen(row.base());
                    v.check(fen != null && fen > 0, p + "缴费基数", "invalid-amount", "缴费基数应为大于0且最多两位小数的金额");
                }
            }
        }
        return v;
    }
}
