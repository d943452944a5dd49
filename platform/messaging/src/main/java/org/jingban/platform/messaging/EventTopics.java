package org.jingban.platform.messaging;

import java.util.Locale;

/** Naming of topics and sources from a service's {@code spring.application.name} (ARCHITECTURE.md §5). */
public final class EventTopics {

    private EventTopics() {
    }

    /** {@code enrollment-service} → {@code enrollment}. */
    public static String serviceName(String applicationName) {
        if (applicationName == null || applicationName.isBlank()) {
            throw new IllegalArgumentException("spring.application.name 未设置，无法确定事件主题");
        }
        String name = applicationName.trim().toLowerCase(Locale.ROOT);
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }

    /** {@code enrollment-service} → {@code jingban.enrollment.events}. */
    public static String topicOf(String applicationName) {
        return "jingban." + serviceName(applicationName) + ".events";
    }

    /** {@code enrollment-service} → {@code /jingban/enrollment}. */
    public static String sourceOf(String applicationName) {
        return "/jingban/" + serviceName(applicationName);
    }

    /** Where a message that cannot be handled ends: {@code <topic>.dlt}. */
    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlt";
    }
}
