package org.jingban.transfer.national;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.transfer.TransferProperties;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.continuation.ReceivingOffice;
import org.jingban.transfer.continuation.SendingOffice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Adapter to the national platform for transfers with another province. Outbound: this service's 转移申请 / 联系函 /
 * 信息表 / refusal / 转入办结 events addressed to a region outside the home province are wrapped in the national
 * envelope and sent to the platform's topic (after the outbox has published them, so nothing is lost; at least once).
 * Inbound: envelopes addressed to a region served here are unwrapped and handled as the local events are,
 * deduplicated by msgId (and, a message sent again under a new msgId, by the state of the transfer it names).
 */
@Component
@ConditionalOnProperty(name = "jingban.transfer.national.enabled", matchIfMissing = true)
public class NationalPlatformAdapter {

    private static final Logger log = LoggerFactory.getLogger(NationalPlatformAdapter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, String> kafka;
    private final NationalPlatformProperties national;
    private final TransferProperties properties;
    private final ReceivingOffice receiving;
    private final SendingOffice sending;

    public NationalPlatformAdapter(KafkaTemplate<String, String> kafka, NationalPlatformProperties national,
                                   TransferProperties properties, ReceivingOffice receiving, SendingOffice sending) {
        this.kafka = kafka;
        this.national = national;
        this.properties = properties;
        this.receiving = receiving;
        this.sending = sending;
    }

    @KafkaListener(topics = "${jingban.messaging.topic}", groupId = "${jingban.transfer.group-prefix:transfer}-national-out")
    public void outbound(ConsumerRecord<String, String> record) throws Exception {
        ReceivedEvent event = ReceivedEvent.from(record);
        NationalEnvelope envelope = switch (event.type()) {
            case TransferEvents.CONTACT_LETTER_ISSUED -> {
                var letter = event.data(TransferEvents.ContactLetter.class);
                yield properties.serves(letter.fromRegionCode()) ? null
                        : envelope(event, NationalEnvelope.CONTACT_LETTER, letter.toRegionCode(), letter.fromRegionCode());
            }
            case TransferEvents.INFO_SHEET_ISSUED -> {
                var sheet = event.data(TransferEvents.InfoSheet.class);
                yield properties.serves(sheet.toRegionCode()) ? null
                        : envelope(event, NationalEnvelope.INFO_SHEET, sheet.fromRegionCode(), sheet.toRegionCode());
            }
            case TransferEvents.TRANSFER_OUT_REFUSED -> {
                var refusal = event.data(TransferEvents.Refusal.class);
                yield properties.serves(refusal.toRegionCode()) ? null
                        : envelope(event, NationalEnvelope.TRANSFER_OUT_REFUSED, refusal.fromRegionCode(), refusal.toRegionCode());
            }
            case TransferEvents.INFO_SHEET_REFUSED -> {
                var refusal = event.data(TransferEvents.Refusal.class);
                yield properties.serves(refusal.fromRegionCode()) ? null
                        : envelope(event, NationalEnvelope.INFO_SHEET_REFUSED, refusal.toRegionCode(), refusal.fromRegionCode());
            }
            case TransferEvents.APPLICATION_FORWARDED -> {
                var application = event.data(TransferEvents.ForwardedApplication.class);
                yield properties.serves(application.toRegionCode()) ? null
                        : envelope(event, NationalEnvelope.APPLICATION, application.fromRegionCode(), application.toRegionCode());
            }
            case TransferEvents.TRANSFER_IN_COMPLETED -> {
                var completion = event.data(TransferEvents.Completion.class);
                yield properties.serves(completion.fromRegionCode()) ? null
                        : envelope(event, NationalEnvelope.TRANSFER_IN_COMPLETED, completion.toRegionCode(),
                        completion.fromRegionCode());
            }
            default -> null;
        };
        if (envelope != null) {
            kafka.send(new ProducerRecord<>(national.topic(), event.subject(), EventJson.write(envelope)))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            log.info("national platform: sent {} for transfer {} to {}", envelope.msgType(), event.subject(),
                    envelope.recvRegion());
        }
    }

    @SuppressWarnings("unchecked")
    private static NationalEnvelope envelope(ReceivedEvent event, String type, String from, String to) {
        return new NationalEnvelope(event.id(), type, from.substring(0, 2) + "0000", to.substring(0, 2) + "0000", from, to,
                event.time(), EventJson.read(event.dataJson(), Map.class));
    }

    @KafkaListener(topics = "${jingban.transfer.national.topic:jingban.national.transfer}",
            groupId = "${jingban.transfer.group-prefix:transfer}-national-in")
    public void inbound(ConsumerRecord<String, String> record) {
        NationalEnvelope envelope = EventJson.read(record.value(), NationalEnvelope.class);
        if (envelope.recvRegion() == null || !properties.serves(envelope.recvRegion())
                || properties.serves(envelope.sendRegion())) {
            return; // for another province, or our own message on its way out
        }
        String json = EventJson.write(envelope.body());
        ReceivedEvent event = new ReceivedEvent("national:" + envelope.msgId(), "/national-platform/" + envelope.sendProvince(),
                envelope.msgType(), record.key(), envelope.recvRegion(), envelope.sendTime(), json);
        Mono<?> work = switch (envelope.msgType()) {
            case NationalEnvelope.CONTACT_LETTER -> sending.onLetter(event, event.data(TransferEvents.ContactLetter.class));
            case NationalEnvelope.INFO_SHEET -> receiving.onInfoSheet(event, event.data(TransferEvents.InfoSheet.class));
            case NationalEnvelope.TRANSFER_OUT_REFUSED -> {
                var refusal = event.data(TransferEvents.Refusal.class);
                yield receiving.onRefused(event, refusal.transferId(), refusal.reasons());
            }
            // the answers to an application made at a 转出地 here and handed to the 转入地 (ZYSQ)
            case NationalEnvelope.APPLICATION_REFUSED ->
                    sending.onApplicationRefused(event, event.data(TransferEvents.Refusal.class));
            case NationalEnvelope.TRANSFER_IN_COMPLETED ->
                    sending.onTransferInCompleted(event, event.data(TransferEvents.Completion.class));
            case NationalEnvelope.INFO_SHEET_REFUSED -> sending.onSheetRefused(event, event.data(TransferEvents.Refusal.class));
            default -> {
                // e.g. ZYSQ for a 转入地 here: an application another province's 转出地 accepted is not taken in by
                // this system (the person applies at the 转入地 here); kept visible rather than dropped silently
                log.warn("national platform: message {} of type {} for {} is not handled", envelope.msgId(),
                        envelope.msgType(), envelope.recvRegion());
                yield null;
            }
        };
        if (work != null) {
            work.block(TIMEOUT);
        }
    }
}
