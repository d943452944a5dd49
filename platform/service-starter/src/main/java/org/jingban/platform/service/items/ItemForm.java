package org.jingban.platform.service.items;

import java.util.List;

import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.web.problem.Violations;

/**
 * The typed form of an item (the 表 of the service guide) as a record with the catalog's field names as JSON names.
 * The form checks itself: required fields and formats; rules that need the store are the service's checks.
 */
public interface ItemForm {

    /** 受理信息必填项 (from the item as defined in the region) and every field's format: all problems at once. */
    Violations validate(ItemDefinition item);

    /** 申请材料 the applicant provides, by their catalog names. */
    List<String> materials();

    /** Materials replaced by a personal promise (个人承诺书替代), where the item allows it. */
    default List<String> promised() {
        return List.of();
    }

    /** Whether a conditional material (its {@code condition} is catalog text) is needed for this application. */
    default boolean materialApplies(Material material) {
        return false;
    }

    /** 渠道 as sent (政务服务网 by default); see {@link Channels}. */
    default String channel() {
        return null;
    }
}
