package org.jingban.platform.signing;

import java.util.Optional;

import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Office;
import org.jingban.platform.identifiers.Divisions;

/**
 * The 医疗保障经办机构 that seals for a region, as its certificate, its seals and the documents it signs name it: the
 * catalog's office where the region has one of its own, else the region's name with 医疗保障经办机构 (the catalog
 * names no office for most regions, e.g. 兰州市, whose layer would otherwise inherit the province's office).
 */
public class OfficeNames {

    private final Catalog catalog;

    public OfficeNames(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The region's own office in the catalog (not one inherited from its province's layer), if it has one. */
    public Optional<Office> ownOffice(String regionCode) {
        Optional<Office> office;
        try {
            office = catalog.office(regionCode);
        } catch (RuntimeException unknownRegion) {
            // a region the catalog has no layer for: named from the divisions only
            return Optional.empty();
        }
        if (office.isEmpty()) {
            return office;
        }
        boolean own = Divisions.provinceCode(regionCode).map(province -> {
            try {
                return !catalog.office(province).equals(office);
            } catch (RuntimeException e) {
                return true;
            }
        }).orElse(true);
        return own ? office : Optional.empty();
    }

    /** The office's name: e.g. 武威市医疗保障局（市医保局窗口） (its own in the catalog), 兰州市医疗保障经办机构. */
    public String name(String regionCode) {
        return ownOffice(regionCode).map(Office::name)
                .orElseGet(() -> Divisions.name(regionCode).orElse(regionCode) + "医疗保障经办机构");
    }
}
