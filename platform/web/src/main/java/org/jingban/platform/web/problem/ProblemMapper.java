package org.jingban.platform.web.problem;

/**
 * Turns a library's own exception into the problem a client sees, so that libraries need not know
 * platform/web (e.g. the case kernel's refusals become 422 with every reason). Register one as a bean;
 * {@link ProblemExceptionHandler} asks every mapper before its own rules.
 */
@FunctionalInterface
public interface ProblemMapper {

    /** The problem for {@code ex}, or null when this mapper does not know it. */
    ProblemException map(Throwable ex);
}
