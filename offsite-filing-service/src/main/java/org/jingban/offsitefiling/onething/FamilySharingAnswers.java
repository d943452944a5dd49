package org.jingban.offsitefiling.onething;

import java.time.Duration;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.platform.messaging.AggregateNotFoundException;
import org.jingban.platform.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.jingban.enrollment.api.FamilySharingEvents;

/**
 * The 家庭共济 part's result, from enrollment-service's topic ({@link FamilySharingEvents#FAMILY_SHARING_BOUND} or
 * {@link FamilySharingEvents#FAMILY_SHARING_REFUSED}): applied once to its bundle (inbox), which may then be finished.
 */
@Component
@ConditionalOnProperty(name = "jingban.offsite-filing.one-thing.listen", matchIfMissing = true)
public class FamilySharingAnswers {

    private static final Logger log = LoggerFactory.getLogger(FamilySharingAnswers.class);
    private static final Set<String> TYPES = Set.of(FamilySharingEvents.FAMILY_SHARING_BOUND, FamilySharingEvents.FAMILY_SHARING_REFUSED);

    private final OneThingApplications applications;

    public FamilySharingAnswers(OneThingApplications applications) {
        this.applications = applications;
    }

    @KafkaListener(topics = "${jingban.offsite-filing.one-thing.answers-topic:jingban.enrollment.events}",
            groupId = "offsite-filing-one-thing")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (!TYPES.contains(event.type())) {
            return;
        }
        try {
            applications.familyAnswered(event.data(FamilySharingEvents.FamilySharingResult.class), event)
                    .block(Duration.ofSeconds(30));
        } catch (AggregateNotFoundException e) {
            log.warn("一件事 answer {} for an unknown bundle {}", event.id(), event.subject()); // not ours: nothing to do
        }
    }
}
