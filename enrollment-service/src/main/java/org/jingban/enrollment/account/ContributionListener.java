package org.jingban.enrollment.account;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 缴费划入 as events: the tax bureau's adapter publishes one {@value #TYPE} per contribution (data = a
 * {@link Contributions.Posting}) on {@code jingban.enrollment.contributions.topic}; each is credited once per 流水号.
 * A refused posting (no account, bad data) is logged with its serial number only; it cannot succeed on retry.
 */
@Component
@ConditionalOnProperty(name = "jingban.enrollment.contributions.listen", matchIfMissing = true)
public class ContributionListener {

    public static final String TYPE = "jingban.tax.contribution.posted.v1";
    private static final Logger log = LoggerFactory.getLogger(ContributionListener.class);

    private final Contributions contributions;

    public ContributionListener(Contributions contributions) {
        this.contributions = contributions;
    }

    @KafkaListener(topics = "${jingban.enrollment.contributions.topic:jingban.tax.contributions}",
            groupId = "enrollment-contributions")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (!TYPE.equals(event.type())) {
            return;
        }
        Contributions.Posting posting = event.data(Contributions.Posting.class);
        contributions.apply(List.of(posting)).doOnNext(line -> {
            if (line.status() == Contributions.LineResult.Status.REFUSED) {
                log.warn("contribution {} refused: {}", line.serialNumber(),
                        line.violations().stream().map(v -> v.code()).toList());
            }
        }).blockLast(Duration.ofSeconds(30));
    }
}
