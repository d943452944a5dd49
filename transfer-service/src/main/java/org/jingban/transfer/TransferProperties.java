package org.jingban.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingban.transfer.*}.
 *
 * @param homeProvince the province whose regions this deployment serves itself (甘肃 620000); transfers to or from
 *                     a region of any other province go through the national platform adapter
 */
@ConfigurationProperties("jingban.transfer")
public record TransferProperties(String homeProvince) {

    public TransferProperties {
        homeProvince = homeProvince == null || homeProvince.isBlank() ? "620000" : homeProvince;
    }

    /** Whether this deployment serves the region itself (same province). */
    public boolean serves(String regionCode) {
        return regionCode != null && regionCode.length() == 6 && regionCode.startsWith(homeProvince.substring(0, 2));
    }
}
