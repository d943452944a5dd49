package org.jingban.enrollment.voucher;

import java.util.List;

import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;
import org.jingban.platform.service.items.Channels;

/** 医保电子凭证激活: nothing to fill in (the person is the caller); the channel may be named. */
public record ActivationForm(@OneOf(of = Channels.class, field = "FORM_CHANNELS") String channel) implements ItemForm {

    @Override
    public Violations validate(ItemDefinition item) {
        return new Violations();
    }

    @Override
    public List<String> materials() {
        return List.of();
    }
}
