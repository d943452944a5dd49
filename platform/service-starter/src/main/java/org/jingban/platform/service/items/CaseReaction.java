package org.jingban.platform.service.items;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jingban.platform.cases.CaseEvents;

/**
 * A service's reaction to its own cases' events, e.g. 一次性支取 pays at 拨付:
 * <pre>{@code
 * @CaseReaction(item = "622036002003", on = CaseEvents.STAGE_COMPLETED, stage = "拨付")
 * Mono<Withdrawal> pay(Case c) { … }
 * }</pre>
 * The method takes the {@link org.jingban.platform.cases.Case} (loaded afresh) and optionally the event's
 * {@link org.jingban.platform.cases.CaseEventData} and/or {@link org.jingban.platform.messaging.ReceivedEvent}, in
 * any order, and returns a {@code Mono} (or nothing). {@link CaseReactions} calls it once per event: an event whose
 * reactions all succeeded is marked in the service's inbox and skipped on redelivery; a failure is retried and ends
 * in the dead-letter topic. A reaction must still be idempotent per case (a crash after the reaction and before the
 * mark runs it again).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CaseReaction {

    /** The 子项编码 (or local item codes) whose cases this reacts to. */
    String[] item();

    /** The case event types, {@link CaseEvents} constants; 办结 by default. */
    String[] on() default CaseEvents.COMPLETED;

    /** For {@link CaseEvents#STAGE_COMPLETED}: only when this stage was completed (empty: any stage). */
    String stage() default "";
}
