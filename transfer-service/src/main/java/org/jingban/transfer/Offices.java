package org.jingban.transfer;

import java.util.Map;

import org.jingban.platform.catalog.Office;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.signing.OfficeNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The 医疗保障经办机构 of a region as printed on 表8/表10: named as it seals (platform/signing's {@link OfficeNames}: the
 * catalog's office where the region has its own, else the region's name with 医疗保障经办机构), with the own office's
 * address and 转移接续 phone where the catalog gives them.
 */
@Component
public class Offices {

    public record OfficeInfo(String regionCode, String name, String address, String postalCode, String phone,
                             String contact) {
    }

    private final OfficeNames names;
    private final Map<String, TransferProperties.OfficeDetails> configured;

    @Autowired
    public Offices(OfficeNames names, TransferProperties properties) {
        this.names = names;
        this.configured = properties.offices();
    }

    /** Only the catalog's offices (no regional configuration). */
    public Offices(OfficeNames names) {
        this(names, new TransferProperties(null, null));
    }

    /**
     * The office as printed: the catalog's own office of the region (name, address, 转移接续 phone) where it has one,
     * completed by the region's configuration ({@code jingban.transfer.offices.<区划>}: 邮政编码, 联系人, and name,
     * address and phone where the catalog has none), else the sealing name of the region.
     */
    public OfficeInfo of(String regionCode) {
        TransferProperties.OfficeDetails c = configured.getOrDefault(regionCode,
                new TransferProperties.OfficeDetails(null, null, null, null, null));
        return names.ownOffice(regionCode)
                .map((Office o) -> new OfficeInfo(regionCode, o.name(), or(o.address(), c.address()), c.postalCode(),
                        or(o.consultPhoneFor("转移接续手续办理"), c.phone()), c.contact()))
                .orElseGet(() -> new OfficeInfo(regionCode, or(c.name(), names.name(regionCode)), c.address(),
                        c.postalCode(), c.phone(), c.contact()));
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /** A date as the 表 print it (表8 生成日期, 表9 申请时间: "年 月 日"), e.g. 2026年11月29日. */
    public static String printedDate(java.time.LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** A document number as 表8 and 表9 print it: (省份)(统筹地区)(年份)(第XXXX号), e.g. 甘肃省武威市2026年第0001号. */
    public String documentNumber(String regionCode, int year, long sequence) {
        return provinceName(regionCode) + regionName(regionCode) + year + "年第" + String.format("%04d", sequence) + "号";
    }

    /** 省份 + 统筹地区 as printed in numbers, e.g. 甘肃省 武威市. */
    public String provinceName(String regionCode) {
        return Divisions.provinceName(regionCode).orElse("");
    }

    public String regionName(String regionCode) {
        return Divisions.name(regionCode).orElse(regionCode);
    }
}
