package org.jingban.platform.catalog;

import java.util.List;
import java.util.Map;

/**
 * One parsed layer file: the national template, a province or a region.
 *
 * @param file       path under the base path, used in problem messages
 * @param officeId   the layer's default office, may be {@code null}
 * @param items      items this layer defines
 * @param overrides  field replacements for items defined by a lower layer of the same chain
 * @param bundles    一件事 defined by this layer (for its region and the regions inside it), region and office unresolved
 */
record Layer(String file, Level level, String region, String name, String source, String officeId,
             Map<String, Office> offices, List<MainItem> mainItems, List<Entry> items, List<Entry> overrides,
             List<String> services, List<CommonMaterial> commonMaterials, List<BundleDefinition> bundles) {

    /**
     * A material the layer's source states once for the items that follow ("委托办理的，应提供…（下同）" at one item):
     * it belongs to {@code fromItem} and every checklist item after it, unless an item names its own for the same
     * condition.
     */
    record CommonMaterial(Material material, String fromItem, String rule) {
    }

    enum Level { NATIONAL, PROVINCE, REGION }

    /** An item definition or override: typed field values by YAML key; only the fields present. */
    record Entry(String code, Map<String, Object> fields) {
    }

    String province() {
        return region.substring(0, 2) + "0000";
    }
}
