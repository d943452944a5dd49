package org.jingban.enrollment.transfer;

import static org.jingban.enrollment.api.TransferHooks.CREDIT_REQUESTED;
import static org.jingban.enrollment.api.TransferHooks.RELEASE_REQUESTED;
import static org.jingban.enrollment.api.TransferHooks.SUSPEND_REQUESTED;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.enrollment.api.TransferHooks.CreditIn;
import org.jingban.enrollment.api.TransferHooks.Release;
import org.jingban.enrollment.api.TransferHooks.Suspend;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.web.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The transfer hooks as events: transfer-service publishes the commands (enrollment-service-api's
 * {@link org.jingban.enrollment.api.TransferHooks}) on its topic; each is applied once (the hooks are idempotent by
 * transfer id). A refused command is answered with {@code jingban.enrollment.transfer-hook.refused.v1} instead of
 * being retried; a technical failure is retried and ends in the dead-letter topic.
 */
@Component
@ConditionalOnProperty(name = "jingban.enrollment.transfer.listen", matchIfMissing = true)
public class TransferCommandListener {

    private static final Logger log = LoggerFactory.getLogger(TransferCommandListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TransferHooks hooks;
    private final ReactiveMongoTemplate template;
    private final Clock clock;

    public TransferCommandListener(TransferHooks hooks, ReactiveMongoTemplate template, Clock clock) {
        this.hooks = hooks;
        this.template = template;
        this.clock = clock;
    }

    @KafkaListener(topics = "${jingban.enrollment.transfer.topic:jingban.transfer.events}", groupId = "enrollment-transfer-hooks")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        Mono<?> applied;
        String transferId;
        switch (event.type()) {
            case SUSPEND_REQUESTED -> {
                var cmd = event.data(Suspend.class);
                transferId = cmd.transferId();
                applied = hooks.suspend(cmd);
            }
            case RELEASE_REQUESTED -> {
                var cmd = event.data(Release.class);
                transferId = cmd.transferId();
                applied = hooks.release(cmd);
            }
            case CREDIT_REQUESTED -> {
                var cmd = event.data(CreditIn.class);
                transferId = cmd.transferId();
                applied = hooks.creditIn(cmd);
            }
            default -> {
                return;
            }
        }
        try {
            applied.block(TIMEOUT);
        } catch (ProblemException refused) {
            List<Reason> reasons = refused.violations().isEmpty()
                    ? List.of(Reason.at("command", "refused", refused.detail() == null ? refused.title() : refused.detail()))
                    : refused.violations().stream().map(v -> Reason.at(v.field(), v.code(), v.message())).toList();
            log.info("transfer command {} for {} refused: {}", event.type(), transferId, reasons.size());
            template.insert(TransferHookRefusal.of(event.id(), transferId, event.type(), reasons, event.regionCode(), clock.instant()))
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                    .block(TIMEOUT);
        }
    }
}
