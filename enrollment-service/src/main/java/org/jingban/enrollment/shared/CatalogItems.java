package org.jingban.enrollment.shared;

import java.util.Optional;

import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;

/** Which catalog definition of an item a form is checked against before the handling region is known. */
public final class CatalogItems {

    private CatalogItems() {
    }

    /**
     * The item in the region the form names, or in the catalog's default region when the form names none or one
     * that does not offer it: the form is checked against that definition, and the service refuses a region that
     * does not offer the item afterwards (every form problem first, at once).
     */
    public static ItemDefinition inRegionOrDefault(Catalog catalog, String code, String region) {
        if (region != null && region.matches("\\d{6}")) {
            var found = catalog.find(code, region);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return catalog.item(code, catalog.defaultRegion());
    }

    /**
     * A local item (e.g. {@code local:songpan:…}) as its home region defines it: the handling region of such items
     * follows from the applicant's insurance, known only after the form is checked. Empty where no layer of the
     * deployed catalog offers the item at all.
     */
    public static Optional<ItemDefinition> home(Catalog catalog, String code) {
        return catalog.items().stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
