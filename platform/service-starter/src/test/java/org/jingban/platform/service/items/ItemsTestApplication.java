package org.jingban.platform.service.items;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.web.problem.Violations;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A service with one item's reactions, built on the extension point only. */
@SpringBootApplication
class ItemsTestApplication {

    /** A form whose fields are the catalog's names (the real services use records with named components). */
    record TestForm(Map<String, Object> fields, List<String> materials, String channel,
                    @JsonProperty(Delegate.FIELD) Delegate delegate)
            implements ItemForm {

        TestForm(Map<String, Object> fields, List<String> materials, String channel) {
            this(fields, materials, channel, null);
        }

        @Override
        public Violations validate(ItemDefinition item) {
            return new Violations().requireAll(fields, item.requiredFields());
        }
    }

    /** What the reactions saw: "caseId stage eventId" per call. */
    @Component
    static class Payouts {

        final List<String> paid = new CopyOnWriteArrayList<>();
        final List<String> completed = new CopyOnWriteArrayList<>();

        @CaseReaction(item = "622036002003", on = CaseEvents.STAGE_COMPLETED, stage = "拨付")
        Mono<Void> pay(Case c, ReceivedEvent event) {
            return Mono.fromRunnable(() -> paid.add(c.getId() + " " + event.id()));
        }

        @CaseReaction(item = "622036002003")
        void done(Case c) {
            completed.add(c.getId());
        }
    }

    /** An instant item's effect (城乡居民参保登记): applied in the request, and its reaction to 办结 for a crash. */
    @Component
    static class Registrations {

        final List<String> applied = new CopyOnWriteArrayList<>();

        @CaseReaction(item = "622036001003")
        Mono<String> apply(Case c) {
            return Mono.fromCallable(() -> {
                applied.add(c.getId());
                return c.getId();
            });
        }
    }
}
