package org.jingban.platform.identifiers;

/** Thrown by the {@code of(...)} factories when a value fails its check; the message is the Chinese one. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final transient IdentifierProblem problem;

    public InvalidIdentifierException(IdentifierProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public IdentifierProblem problem() {
        return problem;
    }
}
