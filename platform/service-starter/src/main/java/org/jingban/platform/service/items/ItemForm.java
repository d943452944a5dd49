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

    /**
     * 被委托人: who applies for the person (or unit) the application is about, or null when they apply themselves. A
     * form carries it as the component {@code @JsonProperty(Delegate.FIELD) Delegate delegate}, which implements this
     * method; the kernel validates it with the form ({@link ItemSubmissions#problems}) and stores it in the case.
     */
    default Delegate delegate() {
        return null;
    }

    /**
     * 委托办理: whether an agent applies for the person (or unit) the application is about. Seed 001 (甘肃省清单) row 2:
     * "委托办理的，应提供委托人及代理人身份证件原件及委托人授权委托书（下同）" — the catalog gives every item from
     * 622036001002 on that material, conditioned "委托办理的"; the kernel asks for it when this is true. By default:
     * when the form names a {@link #delegate()}; a form whose 表 has its own 申请人 block (表9) answers from it.
     */
    default boolean byAgent() {
        return delegate() != null;
    }

    /** 渠道 as sent (政务服务网 by default); see {@link Channels}. */
    default String channel() {
        return null;
    }
}
