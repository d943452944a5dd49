package org.jingban.transfer;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingban.transfer.*}.
 *
 * @param homeProvince the province whose regions this deployment serves itself (甘肃 620000); transfers to or from
 *                     a region of any other province go through the national platform adapter
 * @param offices      by 医保区划: what 表8, 表9 and 表10 print of an office that the catalog does not give (the seeds
 *                     give no 邮政编码 and no 联系人, and no office at all for most cities): regional configuration;
 *                     the values in application.yml are examples (示例值), to be replaced by each region
 */
@ConfigurationProperties("jingban.transfer")
public record TransferProperties(String homeProvince, Map<String, OfficeDetails> offices) {

    /** An office as printed: each value overrides nothing the catalog gives except where the catalog has none. */
    public record OfficeDetails(String name, String address, String postalCode, String phone, String contact) {
    }

    public TransferProperties {
        homeProvince = homeProvince == null || homeProvince.isBlank() ? "620000" : homeProvince;
        offices = offices == null ? Map.of() : Map.copyOf(offices);
    }


    /** Whether this deployment serves the region itself (same province). */
    public boolean serves(String regionCode) {
        return regionCode != null && regionCode.length() == 6 && regionCode.startsWith(homeProvince.substring(0, 2));
    }
}
