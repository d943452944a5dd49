package org.jingban.platform.cases.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The overdue gauge by 医保区划 (the ops dashboard's "overdue cases per region"). */
class CaseMetricsByRegionTest {

    @Test
    void overdue_cases_are_counted_per_region_and_a_region_that_recovers_shows_zero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CaseMetrics metrics = new CaseMetrics(registry);

        metrics.overdueByRegion(Map.of("620600", 2L, "513224", 1L));
        assertThat(gauge(registry, "620600")).isEqualTo(2.0);
        assertThat(gauge(registry, "513224")).isEqualTo(1.0);

        metrics.overdueByRegion(Map.of("620600", 1L));
        assertThat(gauge(registry, "620600")).isEqualTo(1.0);
        assertThat(gauge(registry, "513224")).isZero();
    }

    private static double gauge(SimpleMeterRegistry registry, String region) {
        return registry.get(CaseMetrics.OVERDUE_BY_REGION).tag("region", region).gauge().value();
    }
}
