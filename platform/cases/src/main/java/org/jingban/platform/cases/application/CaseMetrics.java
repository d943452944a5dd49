package org.jingban.platform.cases.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;

/**
 * The case kernel's meters:
 * <ul>
 *   <li>{@code jingban.cases.transitions} (counter; tags {@code type} = accepted, completed …, {@code item}):
 *   every stored transition;</li>
 *   <li>{@code jingban.cases.overdue} (gauge; tag {@code item}): cases past their due date with the clock
 *   running, as of the last refresh. An item once overdue keeps its gauge, at 0 when it recovers, so that
 *   dashboards see the drop rather than a vanishing series.</li>
 *   <li>{@code jingban.cases.overdue.by.region} (gauge; tag {@code region}): the same count by 医保区划, for the ops
 *   dashboard; kept at 0 alike.</li>
 * </ul>
 */
public class CaseMetrics {

    public static final String TRANSITIONS = "jingban.cases.transitions";
    public static final String OVERDUE = "jingban.cases.overdue";
    public static final String OVERDUE_BY_REGION = "jingban.cases.overdue.by.region";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> overdueByItem = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overdueByRegion = new ConcurrentHashMap<>();

    public CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void transitions(Case c, List<String> eventTypes) {
        for (String type : eventTypes) {
            Counter.builder(TRANSITIONS)
                    .description("办件状态变化次数")
                    .tag("type", CaseEvents.shortName(type))
                    .tag("item", c.getItemCode())
                    .register(registry)
                    .increment();
        }
    }

    /** Replaces the overdue counts with a fresh count by item code. */
    public void overdue(Map<String, Long> countByItem) {
        countByItem.forEach((item, count) -> gauge(item).set(count));
        overdueByItem.forEach((item, value) -> {
            if (!countByItem.containsKey(item)) {
                value.set(0);
            }
        });
    }

    /** Replaces the overdue counts by region code. */
    public void overdueByRegion(Map<String, Long> countByRegion) {
        countByRegion.forEach((region, count) -> overdueByRegion.computeIfAbsent(region, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(OVERDUE_BY_REGION, value, AtomicLong::doubleValue)
                    .description("超期未办结的办件数（按医保区划）")
                    .tag("region", key)
                    .register(registry);
            return value;
        }).set(count));
        overdueByRegion.forEach((region, value) -> {
            if (!countByRegion.containsKey(region)) {
                value.set(0);
            }
        });
    }

    public long overdue(String itemCode) {
        AtomicLong value = overdueByItem.get(itemCode);
        return value == null ? 0 : value.get();
    }

    private AtomicLong gauge(String item) {
        return overdueByItem.computeIfAbsent(item, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(OVERDUE, value, AtomicLong::doubleValue)
                    .description("超期未办结的办件数")
                    .tag("item", key)
                    .register(registry);
            return value;
        });
    }
}
