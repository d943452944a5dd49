package org.jingban.settlement.monthly;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingban.settlement.monthly.*}: the monthly settlement with the institutions (622036010001 / 622036010002).
 * Every default is an EXAMPLE value for development, not a region's rule.
 *
 * @param csvMaxLineBytes    the longest detail line read (the bounded buffer of the CSV reader); a longer one is a
 *                           malformed line
 * @param csvMaxLines        the most detail lines one upload may have
 * @param csvBatchSize       lines written to the store per insert while reading
 * @param maxReportedLines   lines each list of the reconciliation report names (the counts are always complete)
 * @param monthMustHaveEnded whether a month can be declared only from the first day of the next month
 * @param checkInterval      how often the payment sweep asks the bank about sent orders
 * @param orderedGrace       how old an order not yet sent must be for the sweep to send it
 * @param simulatedBank      the INTERIM in-service bank (no region's bank adapter configured)
 */
@ConfigurationProperties("jingban.settlement.monthly")
public record MonthlySettlementProperties(Integer csvMaxLineBytes, Integer csvMaxLines, Integer csvBatchSize,
                                          Integer maxReportedLines, Boolean monthMustHaveEnded, Duration checkInterval,
                                          Duration orderedGrace, SimulatedBank simulatedBank) {

    public record SimulatedBank(String database, Duration confirmDelay) {
    }

    public MonthlySettlementProperties {
        csvMaxLineBytes = csvMaxLineBytes == null ? 4096 : csvMaxLineBytes;
        csvMaxLines = csvMaxLines == null ? 500_000 : csvMaxLines;
        csvBatchSize = csvBatchSize == null ? 500 : csvBatchSize;
        maxReportedLines = maxReportedLines == null ? 1000 : maxReportedLines;
        monthMustHaveEnded = monthMustHaveEnded == null || monthMustHaveEnded;
        checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
        orderedGrace = orderedGrace == null ? Duration.ofSeconds(30) : orderedGrace;
        simulatedBank = simulatedBank == null ? new SimulatedBank(null, null) : simulatedBank;
        simulatedBank = new SimulatedBank(simulatedBank.database() == null ? "jingban_simulated_bank" : simulatedBank.database(),
                simulatedBank.confirmDelay() == null ? Duration.ofSeconds(2) : simulatedBank.confirmDelay());
    }
}
