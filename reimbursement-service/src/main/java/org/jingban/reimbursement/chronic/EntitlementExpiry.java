package org.jingban.reimbursement.chronic;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.jingban.platform.cases.Case;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ends the entitlements whose validity ran out, each with its {@code ended} event (终止原因 有效期届满), so that
 * settlement-service's view follows. Claims never wait for it (an entitlement covers no day after
 * {@code validUntil}); each change is guarded by the document's version.
 */
@Component
public class EntitlementExpiry {

    static final String EXPIRED = "有效期届满";
    private static final Logger log = LoggerFactory.getLogger(EntitlementExpiry.class);

    private final Entitlements entitlements;
    private final Clock clock;

    public EntitlementExpiry(Entitlements entitlements, Clock clock) {
        this.entitlements = entitlements;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jingban.reimbursement.chronic.expiry-check-interval:PT10M}", initialDelayString = "PT20S")
    public void run() {
        Long ended = expireDue().block(Duration.ofMinutes(5));
        if (ended != null && ended > 0) {
            log.info("门诊慢特病待遇到期终止：{} 项", ended);
        }
    }

    /** Ends every ACTIVE entitlement whose last day is before today; the number ended. */
    public Mono<Long> expireDue() {
        LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
        return entitlements.endedBefore(today)
                .concatMap(e -> entitlements.end(e.getEntitlementNumber(), EXPIRED))
                .count();
    }
}
