package org.jingban.platform.service.items;

import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Party;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.web.problem.ProblemException;

/**
 * Who submits an application, from the token: the applicant themself (a person for themself, an agent for their
 * unit, an institution for itself), a clerk at a window of a region they serve (受理窗口代为录入), or a system client
 * (联办, portal back ends with a scope).
 */
public final class Submitters {

    private Submitters() {
    }

    /**
     * @param actingFor the party the caller must be when not staff or system (usually the applicant; for an agent,
     *                  the unit they act for)
     * @throws ProblemException 403 when a citizen or agent applies for someone else, or staff outside their regions
     */
    public static CaseActor submitter(Caller caller, Party actingFor, String regionCode) {
        if (caller.isStaff()) {
            caller.requireServes(regionCode);
            return CaseActors.as(caller, ActorRole.CLERK);
        }
        if (caller.isSystem()) {
            return CaseActors.as(caller, ActorRole.SYSTEM);
        }
        if (!caller.isParty(CaseActors.owner(actingFor, regionCode))) {
            throw ProblemException.forbidden(switch (actingFor.kind()) {
                case EMPLOYER -> "单位经办人只能为本单位提出申请";
                case INSTITUTION -> "定点医药机构只能为本机构提出申请";
                default -> "只能为本人提出申请";
            });
        }
        return CaseActors.applicant(caller);
    }
}
