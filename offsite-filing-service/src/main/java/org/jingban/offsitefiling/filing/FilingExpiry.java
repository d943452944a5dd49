package org.jingban.offsitefiling.filing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ends the filings whose validity ran out (temporary kinds), on its own: each becomes EXPIRED with its
 * {@code expired} event, so that settlement-service's view follows. Coverage answers never wait for it (a filing
 * covers no day after {@code validUntil} in any case); several instances may run it, each change is guarded by
 * the document's version.
 */
@Component
public class FilingExpiry {

    private static final Logger log = LoggerFactory.getLogger(FilingExpiry.class);

    private final Filings filings;

    public FilingExpiry(Filings filings) {
        this.filings = filings;
    }

    @Scheduled(fixedDelayString = "${jingban.offsite-filing.expiry-check-interval:PT10M}", initialDelayString = "PT20S")
    public void run() {
        Long ended = expireDue().block(Duration.ofMinutes(5));
        if (ended != null && ended > 0) {
            log.info("异地就医备案到期：{} 条", ended);
        }
    }

    /** Expires every ACTIVE filing whose last day is before today; the number expired. */
    public Mono<Long> expireDue() {
        var today = filings.today();
        return filings.endedBefore(today)
                .concatMap(f -> filings.expire(f.getFilingNumber(), today))
                .filter(f -> f.getStatus() == Filing.Status.EXPIRED)
                .count();
    }
}
