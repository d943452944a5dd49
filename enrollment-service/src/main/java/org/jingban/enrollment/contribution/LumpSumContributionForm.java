package org.jingban.enrollment.contribution;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/** 职工基本医疗保险费趸缴 (local:songpan): who pays and on which base; 退休审批资料 may be replaced by a 个人承诺书. */
public record LumpSumContributionForm(@JsonProperty("证件类型及号码") IdDocument id, @JsonProperty("缴费基数") String base,
                                      @JsonProperty("申请材料") List<String> materials,
                                      @JsonProperty("承诺替代材料") List<String> promised,
                                      @JsonProperty("渠道") String channel,
                                      @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    @Override
    public Violations validate(ItemDefinition item) {
        return FlexibleContributionForm.personFields(id, base);
    }
}
