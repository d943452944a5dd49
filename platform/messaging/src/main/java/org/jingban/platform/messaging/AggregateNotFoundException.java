package org.jingban.platform.messaging;

/** An event refers to an aggregate this service does not (yet) have; retried, then dead-lettered. */
public class AggregateNotFoundException extends RuntimeException {
    public AggregateNotFoundException(Class<?> type, String aggregateId, ReceivedEvent event) {
        super("未找到 " + type.getSimpleName() + " " + aggregateId + "（事件 " + event.type() + " " + event.id() + "）");
    }
}
