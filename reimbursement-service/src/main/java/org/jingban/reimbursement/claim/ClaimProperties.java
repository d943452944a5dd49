package org.jingban.reimbursement.claim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.platform.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 手工报销 settings a region decides (jingban.reimbursement.claims). The seeds say "对大额医疗费用进行相关费用核查" and
 * "急诊可要求提供急诊诊断证明" without a figure or a rule: the threshold is an EXAMPLE DEFAULT; the 急诊 certificate is
 * asked where a region requires it (Songpan's guide does for 住院: "急诊提供急诊诊断证明", seed 003 §二十四 备注 2).
 */
@ConfigurationProperties("jingban.reimbursement.claims")
public class ClaimProperties {

    /** A bill at or above this (yuan) gets 大额医疗费用核查 (example default). */
    private Money largeBillThreshold = Money.parse("50000.00");
    /** Per region (医保区划): its own threshold and whether it requires the 急诊诊断证明. */
    private Map<String, Region> regions = new LinkedHashMap<>();

    public static class Region {
        private Money largeBillThreshold;
        /** The items (子项编码) for which it requires the 急诊诊断证明 of an emergency visit. */
        private java.util.Set<String> emergencyCertificateItems = java.util.Set.of();

        public Money getLargeBillThreshold() { return largeBillThreshold; }
        public void setLargeBillThreshold(Money largeBillThreshold) { this.largeBillThreshold = largeBillThreshold; }
        public java.util.Set<String> getEmergencyCertificateItems() { return emergencyCertificateItems; }
        public void setEmergencyCertificateItems(java.util.Set<String> items) { this.emergencyCertificateItems = items; }
    }

    public Money largeBillThreshold(String region) {
        Region r = regions.get(region);
        return r != null && r.largeBillThreshold != null ? r.largeBillThreshold : largeBillThreshold;
    }

    public boolean emergencyCertificateRequired(String region, String itemCode) {
        Region r = regions.get(region);
        return r != null && r.emergencyCertificateItems.contains(itemCode);
    }

    public Money getLargeBillThreshold() { return largeBillThreshold; }
    public void setLargeBillThreshold(Money largeBillThreshold) { this.largeBillThreshold = largeBillThreshold; }
    public Map<String, Region> getRegions() { return regions; }
    public void setRegions(Map<String, Region> regions) { this.regions = regions; }
}
