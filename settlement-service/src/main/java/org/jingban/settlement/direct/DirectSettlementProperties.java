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
 */
@ConfigurationProperties("jingban.settlement.direct")
public record DirectSettlementProperties(UnfiledOffsite unfiledOffsite, Duration sweepInterval, Duration sweepGrace) {

    public enum UnfiledOffsite { REFUSE, UNFILED_RATIO }

    public DirectSettlementProperties {
        unfiledOffsite = unfiledOffsite == null ? UnfiledOffsite.REFUSE : unfiledOffsite;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(30) : sweepGrace;
    }
}
