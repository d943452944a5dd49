package org.jingban.notification.channel.live;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The journal of one delivery's calls to a real provider (id = the delivery key). It is what keeps a message single
 * when the dispatcher sends the same delivery again (after a crash, after its lease ran out): ACCEPTED answers with
 * the stored message id without calling; IN_FLIGHT or UNKNOWN (the provider may have it) refuses to call again.
 */
@Document("provider_sends")
public record ProviderSend(@Id String id, String provider, Status status, int calls, String messageId,
                           String lastCode, Instant startedAt, Instant finishedAt) {

    public enum Status {
        /** A call is under way (or its caller died during it). */
        IN_FLIGHT,
        /** The provider took the message. */
        ACCEPTED,
        /** The provider refused it with a definite answer: nothing was sent, another call is safe. */
        FAILED,
        /** The call's outcome is unknown: not sent again until ops release it. */
        UNKNOWN
    }
}
