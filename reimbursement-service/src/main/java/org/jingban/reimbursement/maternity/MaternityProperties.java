package org.jingban.reimbursement.maternity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.platform.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 生育保险待遇 policy (jingban.reimbursement.maternity). The seeds leave the amounts to 统筹地区相关规定 ("按统筹地区相关
 * 规定进行待遇审核"): every figure here is an EXAMPLE DEFAULT, labelled so in application.yml, for a region to set. The
 * allowance is paid "按照职工所在用人单位上年度职工月平均工资计发" (社会保险法 第五十六条); the ÷ 30 per day and the
 * number of days (98 of 产假 plus extras) are the example's.
 */
@ConfigurationProperties("jingban.reimbursement.maternity")
public class MaternityProperties {

    /** 产前检查费: at most this per pregnancy (example). */
    private Money prenatalCap = Money.parse("800.00");
    /** 生育医疗费: at most this by 分娩方式 (example). */
    private Map<String, Money> deliveryCaps = new LinkedHashMap<>();
    /** 计划生育医疗费: at most this by 手术项目 (example). */
    private Map<String, Money> familyPlanningCaps = new LinkedHashMap<>();
    /** 生育津贴 days (example): 产假 98, 难产 +15, each further baby +15, 流产 by months of pregnancy. */
    private int maternityLeaveDays = 98;
    private int dystociaDays = 15;
    private int extraBabyDays = 15;
    private int miscarriageUnderFourMonthsDays = 15;
    private int miscarriageFromFourMonthsDays = 42;
    /** Days the monthly wage is divided by (example 30). */
    private int daysPerMonth = 30;
    /** The allowance must be claimed within this many months after the leave ended (example). */
    private int allowanceClaimMonths = 12;
    /** Regions where the unit claims the allowance and is paid it (Songpan: "将生育津贴划入参保单位的银行账户"). */
    private java.util.Set<String> unitClaimsAllowanceRegions = java.util.Set.of();

    public boolean unitClaims(String region) {
        return unitClaimsAllowanceRegions.contains(region);
    }

    public java.util.Set<String> getUnitClaimsAllowanceRegions() { return unitClaimsAllowanceRegions; }
    public void setUnitClaimsAllowanceRegions(java.util.Set<String> regions) { this.unitClaimsAllowanceRegions = regions; }

    public Money getPrenatalCap() { return prenatalCap; }
    public void setPrenatalCap(Money prenatalCap) { this.prenatalCap = prenatalCap; }
    public Map<String, Money> getDeliveryCaps() { return deliveryCaps; }
    public void setDeliveryCaps(Map<String, Money> deliveryCaps) { this.deliveryCaps = deliveryCaps; }
    public Map<String, Money> getFamilyPlanningCaps() { return familyPlanningCaps; }
    public void setFamilyPlanningCaps(Map<String, Money> caps) { this.familyPlanningCaps = caps; }
    public int getMaternityLeaveDays() { return maternityLeaveDays; }
    public void setMaternityLeaveDays(int days) { this.maternityLeaveDays = days; }
    public int getDystociaDays() { return dystociaDays; }
    public void setDystociaDays(int days) { this.dystociaDays = days; }
    public int getExtraBabyDays() { return extraBabyDays; }
    public void setExtraBabyDays(int days) { this.extraBabyDays = days; }
    public int getMiscarriageUnderFourMonthsDays() { return miscarriageUnderFourMonthsDays; }
    public void setMiscarriageUnderFourMonthsDays(int days) { this.miscarriageUnderFourMonthsDays = days; }
    public int getMiscarriageFromFourMonthsDays() { return miscarriageFromFourMonthsDays; }
    public void setMiscarriageFromFourMonthsDays(int days) { this.miscarriageFromFourMonthsDays = days; }
    public int getDaysPerMonth() { return daysPerMonth; }
    public void setDaysPerMonth(int daysPerMonth) { this.daysPerMonth = daysPerMonth; }
    public int getAllowanceClaimMonths() { return allowanceClaimMonths; }
    public void setAllowanceClaimMonths(int months) { this.allowanceClaimMonths = months; }
}
