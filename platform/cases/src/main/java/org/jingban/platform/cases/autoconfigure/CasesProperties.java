package org.jingban.platform.cases.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jingban.cases.*}
 *
 * @param dueSoonWorkingDays a case is DUE_SOON (即将到期) when at most this many working days are left
 * @param overdueRefresh     how often the {@code jingban.cases.overdue} gauge is recounted; zero or negative: never
 * @param createIndexes      create the case indexes at start (off only where a DBA manages them)
 */
@ConfigurationProperties("jingban.cases")
public record CasesProperties(@DefaultValue("2") int dueSoonWorkingDays,
                              @DefaultValue("5m") Duration overdueRefresh,
                              @DefaultValue("true") boolean createIndexes) {
}
