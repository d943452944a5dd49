package org.jingban.transfer;

import org.jingban.platform.catalog.Office;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.signing.OfficeNames;
import org.springframework.stereotype.Component;

/**
 * The 医疗保障经办机构 of a region as printed on 表8/表10: named as it seals (platform/signing's {@link OfficeNames}: the
 * catalog's office where the region has its own, else the region's name with 医疗保障经办机构), with the own office's
 * address and 转移接续 phone where the catalog gives them.
 */
@Component
public class Offices {

    public record OfficeInfo(String regionCode, String name, String address, String postalCode, String phone) {
    }

    private final OfficeNames names;

    public Offices(OfficeNames names) {
        this.names = names;
    }

    public OfficeInfo of(String regionCode) {
        return names.ownOffice(regionCode)
                .map((Office o) -> new OfficeInfo(regionCode, o.name(), o.address(), null, o.consultPhoneFor("转移接续手续办理")))
                .orElseGet(() -> new OfficeInfo(regionCode, names.name(regionCode), null, null, null));
    }

    /** 省份 + 统筹地区 as printed in numbers, e.g. 甘肃省 武威市. */
    public String provinceName(String regionCode) {
        return Divisions.provinceName(regionCode).orElse("");
    }

    public String regionName(String regionCode) {
        return Divisions.name(regionCode).orElse(regionCode);
    }
}
