package org.jingban.enrollment.person;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.enrollment.shared.Phones;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/** 参保人员电话号码新增和更改 (local:songpan): the person and the new 联系电话. */
public record PhoneChangeForm(@JsonProperty("证件类型及号码") IdDocument id, @JsonProperty("联系电话") String phone,
                              @JsonProperty("申请材料") List<String> materials, @JsonProperty("渠道") String channel,
                              @JsonProperty(Delegate.FIELD) Delegate delegate)
        implements ItemForm {

    @Override
    public Violations validate(ItemDefinition item) {
        Violations v = new Violations().require("证件类型及号码", id == null ? null : id.present())
                .require("联系电话", phone);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        Phones.check(v, "联系电话", phone);
        return v;
    }
}
