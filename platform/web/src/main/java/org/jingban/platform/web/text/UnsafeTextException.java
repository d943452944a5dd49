package org.jingban.platform.web.text;

import java.util.List;

import org.jingban.platform.identifiers.IdentifierProblem;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Text values the {@link org.jingban.platform.identifiers.TextPolicy} refuses, every one of a request body at once
 * (一次性告知): each names its field (a JSON path such as {@code 被委托人.姓名} or {@code 材料[2]}) and the rule.
 */
public class UnsafeTextException extends MismatchedInputException {

    /** One refused value: where it stands in the body and why. */
    public record Refusal(String field, IdentifierProblem problem) {
    }

    private final transient List<Refusal> refusals;

    public UnsafeTextException(JsonParser p, List<Refusal> refusals) {
        super(p, refusals.isEmpty() ? "文本不符合要求" : refusals.get(0).problem().message(), String.class);
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
