package org.jingban.platform.service.cases;

import org.jingban.platform.cases.application.CaseNotFoundException;
import org.jingban.platform.cases.application.CaseRefusedException;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemMapper;
import org.jingban.platform.web.problem.Violation;

/**
 * The case kernel's refusals as problems: 422 with one violation per reason (一次性告知, field {@code case},
 * the reason's code and Chinese message), and an unknown case as 404 — in every service and every handler,
 * whether it calls {@code CaseService} through the generic case endpoints or its own.
 */
public class CaseProblemMapper implements ProblemMapper {

    @Override
    public ProblemException map(Throwable ex) {
        if (ex instanceof CaseRefusedException refused) {
            return ProblemException.unprocessable(refused.refusal().summary(), refused.reasons().stream()
                            .map(reason -> new Violation("case", reason.code(), reason.message())).toList())
                    .withProperty("caseNumber", refused.caseNumber());
        }
        if (ex instanceof CaseNotFoundException) {
            return ProblemException.notFound("未找到该记录，或您无权查看");
        }
        return null;
    }
}
