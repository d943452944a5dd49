package org.jingban.settlement.direct;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * jingban.settlement.direct.
 *
 * @param unfiledOffsite what a visit outside the person's pool without an 异地就医备案 covering it gets: {@code REFUSE}
 *                       (default: direct settlement needs the filing; the person may file, also afterwards (补办), or
 *                       claim by hand at the 参保地, where the unfiled ratio applies) or {@code UNFILED_RATIO} (settle
 *                       at the policy's 异地未备案 ratio)
 * @param sweepInterval  how often half-done settlements and reversals are carried on
 * @param sweepGrace     how old a half-done one must be before the sweep takes it (the request itself may still run)
 * @param pharmacyLevel  the 医疗机构等级 whose outpatient ratios a purchase at a 定点零售药店 is paid at (a pharmacy has no
 *                       等级; whether and how 门诊统筹 pays at pharmacies is the region's policy). EXAMPLE DEFAULT 一级
 *                       (PRIMARY), no region's rule
 */
@ConfigurationProperties("jingban.settlement.direct")
public record DirectSettlementProperties(UnfiledOffsite unfiledOffsite, Duration sweepInterval, Duration sweepGrace,
                                         org.jingban.platform.benefits.InstitutionLevel pharmacyLevel) {

    public enum UnfiledOffsite { REFUSE, UNFILED_RATIO }

    public DirectSettlementProperties {
        unfiledOffsite = unfiledOffsite == null ? UnfiledOffsite.REFUSE : unfiledOffsite;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(30) : sweepGrace;
        pharmacyLevel = pharmacyLevel == null ? org.jingban.platform.benefits.InstitutionLevel.PRIMARY : pharmacyLevel;
    }
}
