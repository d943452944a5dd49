package org.jingban.reimbursement.assistance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 医疗救助 settings (jingban.reimbursement.assistance). The seeds give the items but not the 资助 standards: the share of
 * the personal contribution subsidised for each 救助对象类别 is an EXAMPLE DEFAULT (application.yml). Songpan pays
 * 医疗救助 only into the person's 社保卡金融账户 (seed 003 §二十八 备注 3).
 */
@ConfigurationProperties("jingban.reimbursement.assistance")
public class AssistanceProperties {

    /** 个人缴费补贴: the share of the personal contribution by 救助对象类别 (example). */
    private Map<String, BigDecimal> subsidyRatios = new LinkedHashMap<>();
    /** Regions that pay 医疗救助 only into the 社保卡金融账户. */
    private Set<String> socialSecurityCardOnlyRegions = Set.of();

    public Map<String, BigDecimal> getSubsidyRatios() { return subsidyRatios; }
    public void setSubsidyRatios(Map<String, BigDecimal> ratios) { this.subsidyRatios = ratios; }
    public Set<String> getSocialSecurityCardOnlyRegions() { return socialSecurityCardOnlyRegions; }
    public void setSocialSecurityCardOnlyRegions(Set<String> regions) { this.socialSecurityCardOnlyRegions = regions; }
}
