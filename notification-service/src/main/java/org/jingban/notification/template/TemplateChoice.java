package org.jingban.notification.template;

import java.util.Optional;

import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.MessageTemplate;

/**
 * Which catalog template a case event calls for (the item's own list decides among its events):
 * <ul>
 *   <li>{@code completed} (办结) → "completed" (已完成); an item that only has evaluation templates (定点协议管理)
 *       → "evaluation-passed";</li>
 *   <li>{@code refused} (未通过) → "failed" (未完成); an item that only has evaluation templates → "evaluation-failed"
 *       when it was refused at or before its evaluation (not after it: an objection upheld in the 公示, a failed
 *       negotiation are no "经评估…不合格");</li>
 *   <li>{@code rejected} (不予受理, also a 补正 that lapsed) → "failed" where the item has it; the evaluation templates
 *       never (nothing was evaluated): the applicant has the 不予受理 notice of the case;</li>
 *   <li>{@code stage-completed} of a 评估 stage → "evaluation-passed" (the evaluation result comes before the
 *       agreement is signed and the case completes; one message per case and template keeps it single);</li>
 *   <li>anything else → no message: the catalog has no template for it.</li>
 * </ul>
 */
public final class TemplateChoice {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String EVALUATION_PASSED = "evaluation-passed";
    public static final String EVALUATION_FAILED = "evaluation-failed";

    private TemplateChoice() {
    }

    public static Optional<MessageTemplate> forEvent(String eventType, CaseEventData data, ItemDefinition item) {
        return switch (eventType) {
            case CaseEvents.COMPLETED -> first(item, COMPLETED, EVALUATION_PASSED);
            case CaseEvents.REFUSED -> item.template(FAILED).isPresent() ? item.template(FAILED)
                    : afterEvaluation(data) ? Optional.empty() : item.template(EVALUATION_FAILED);
            case CaseEvents.REJECTED -> item.template(FAILED);
            case CaseEvents.STAGE_COMPLETED -> data.stage() != null && data.stage().contains("评估")
                    ? item.template(EVALUATION_PASSED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Whether an event type can ever lead to a message (cheap filter before the catalog is asked). */
    public static boolean mayNotify(String eventType) {
        return CaseEvents.COMPLETED.equals(eventType) || CaseEvents.REFUSED.equals(eventType)
                || CaseEvents.REJECTED.equals(eventType) || CaseEvents.STAGE_COMPLETED.equals(eventType);
    }

    /** Refused in a stage that follows the evaluation (公示, 协商谈判, 签订协议). */
    private static boolean afterEvaluation(CaseEventData data) {
        String stage = data.stage();
        return stage != null && (stage.contains("公示") || stage.contains("协商") || stage.contains("签订"));
    }

    private static Optional<MessageTemplate> first(ItemDefinition item, String event, String otherwise) {
        Optional<MessageTemplate> own = item.template(event);
        return own.isPresent() ? own : item.template(otherwise);
    }
}
