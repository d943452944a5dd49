package org.jingban.transfer;

import java.util.Optional;

import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Office;
import org.jingban.platform.identifiers.Divisions;
import org.springframework.stereotype.Component;

/**
 * The 医疗保障经办机构 of a region as printed on 表8/表10: the catalog's office where the region has its own, else
 * the region's name with 医疗保障经办机构 (the catalog names no office for most regions, e.g. 兰州市).
 */
@Component
public class Offices {

    public record OfficeInfo(String regionCode, String name, String address, String postalCode, String phone) {
    }

    private final Catalog catalog;

    public Offices(Catalog catalog) {
        this.catalog = catalog;
    }

    public OfficeInfo of(String regionCode) {
        String regionName = Divisions.name(regionCode).orElse(regionCode);
        Optional<Office> office = Optional.empty();
        try {
            office = catalog.office(regionCode);
        } catch (RuntimeException unknownRegion) {
            // a region the catalog has no layer for: named from the divisions only
        }
        Optional<String> province = Divisions.provinceCode(regionCode);
        boolean own = office.isPresent() && province.map(p -> {
            try {
                return !catalog.office(p).equals(catalog.office(regionCode));
            } catch (RuntimeException e) {
                return true;
            }
        }).orElse(true);
        if (own) {
            Office o = office.get();
            return new OfficeInfo(regionCode, o.name(), o.address(), null, o.consultPhoneFor("转移接续手续办理"));
        }
        return new OfficeInfo(regionCode, regionName + "医疗保障经办机构", null, null, null);
    }

    /** 省份 + 统筹地区 as printed in numbers, e.g. 甘肃省 武威市. */
    public String provinceName(String regionCode) {
        return Divisions.provinceName(regionCode).orElse("");
    }

    public String regionName(String regionCode) {
        return Divisions.name(regionCode).orElse(regionCode);
    }
}
