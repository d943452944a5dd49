package org.jingban.platform.calendar.distribution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The compacted topic that holds the latest 节假日安排 of every year: key = year ("2027"), value = the
 * holiday-cn JSON. One partition, so a reader sees all years in publication order. See
 * docs/adr/0003-calendar-schedules.md.
 */
public final class CalendarScheduleTopic {

    public static final String NAME = "jingban.platform.calendar-schedules";

    private CalendarScheduleTopic() {
    }

    public static NewTopic newTopic(String name) {
        return new NewTopic(name, 1, (short) -1) // broker default replication factor
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Creates the topic unless it exists; safe to call from every service at once. */
    public static void ensureExists(String bootstrapServers, String name, long timeoutMillis) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMillis, 1000),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMillis, 1000)))) {
            admin.createTopics(List.of(newTopic(name))).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("无法创建节假日安排主题" + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("创建节假日安排主题" + name + "超时", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("创建节假日安排主题" + name + "被中断", e);
        }
    }
}
