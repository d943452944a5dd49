package org.jingban.enrollment.shared;

import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Party;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.web.problem.ProblemException;

/**
 * Who submits an application, from the token: the applicant themself (a person for themself, an agent for their
 * unit), a clerk at a window of a region they serve, or a system client (联办, portal back ends with a scope).
 */
public final class Submitters {

    private Submitters() {
    }

    public static CaseActor submitter(Caller caller, Party applicant, String regionCode) {
        if (caller.isStaff()) {
            caller.requireServes(regionCode);
            return CaseActors.as(caller, ActorRole.CLERK);
        }
        if (caller.isSystem()) {
            return CaseActors.as(caller, ActorRole.SYSTEM);
        }
        if (!caller.isParty(CaseActors.owner(applicant, regionCode))) {
            throw ProblemException.forbidden(applicant.kind() == Party.Kind.EMPLOYER
                    ? "单位经办人只能为本单位提出申请" : "只能为本人提出申请");
        }
        return CaseActors.applicant(caller);
    }
}
