package org.jingban.designation.agreement;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Regional configuration of 定点协议管理 that the seeds do not give: how long an agreement runs and how long an accepted
 * applicant has to prepare for the evaluation (表19 "评估时间：在____之前"). The values in application.yml are EXAMPLE
 * DEFAULTS, not rules from the seeds; a region sets its own under {@code jingban.designation.regions.<医保区划>.*}. The
 * seeds' own rules (5 working days for 补正, 公示 at least 5 working days, the 3- and 12-month bars) are code, cited
 * where they are applied.
 */
@ConfigurationProperties("jingban.designation")
public class DesignationPolicy {

    /** Years an agreement runs from its signing (example default). */
    private int agreementValidityYears = 3;
    /** Working days after 受理 by which the evaluation takes place, printed on 表19 (example default). */
    private int evaluationPreparationWorkingDays = 10;
    /** How often lapsed 补正 are looked for. */
    private Duration lapseCheckInterval = Duration.ofMinutes(30);
    private Map<String, Regional> regions = new HashMap<>();

    /** A region's own values; null fields fall back to the defaults. */
    public record Regional(Integer agreementValidityYears, Integer evaluationPreparationWorkingDays) {
    }

    public int agreementValidityYears(String region) {
        Regional r = regions.get(region);
        return r != null && r.agreementValidityYears() != null ? r.agreementValidityYears() : agreementValidityYears;
    }

    public int evaluationPreparationWorkingDays(String region) {
        Regional r = regions.get(region);
        return r != null && r.evaluationPreparationWorkingDays() != null ? r.evaluationPreparationWorkingDays()
                : evaluationPreparationWorkingDays;
    }

    public int getAgreementValidityYears() { return agreementValidityYears; }
    public void setAgreementValidityYears(int v) { this.agreementValidityYears = v; }
    public int getEvaluationPreparationWorkingDays() { return evaluationPreparationWorkingDays; }
    public void setEvaluationPreparationWorkingDays(int v) { this.evaluationPreparationWorkingDays = v; }
    public Duration getLapseCheckInterval() { return lapseCheckInterval; }
    public void setLapseCheckInterval(Duration v) { this.lapseCheckInterval = v; }
    public Map<String, Regional> getRegions() { return regions; }
    public void setRegions(Map<String, Regional> regions) { this.regions = regions; }
}
