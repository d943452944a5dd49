package org.jingban.platform.cases;

import java.util.List;

/**
 * What a command on a {@link Case} did: either the case events it caused (already placed in the
 * case's outbox) or a refusal, in which case the case is unchanged.
 */
public sealed interface Outcome {

    record Done(List<CaseEvent> events) implements Outcome {
        public Done {
            events = List.copyOf(events);
        }
    }

    record Refused(Refusal refusal) implements Outcome {
    }

    default boolean refused() {
        return this instanceof Refused;
    }

    /** The events of a {@link Done}; throws {@link IllegalStateException} on a refusal. */
    default List<CaseEvent> events() {
        if (this instanceof Done done) {
            return done.events();
        }
        throw new IllegalStateException("refused: " + ((Refused) this).refusal().summary());
    }
}
