package org.jingban.platform.web.text;

import org.jingban.platform.identifiers.IdentifierProblem;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A text value the {@link org.jingban.platform.identifiers.TextPolicy} refuses; the problem names the field and the rule. */
public class UnsafeTextException extends MismatchedInputException {

    private final transient IdentifierProblem problem;

    public UnsafeTextException(JsonParser p, IdentifierProblem problem) {
        super(p, problem.message(), String.class);
        this.problem = problem;
    }

    public IdentifierProblem problem() {
        return problem;
    }
}
