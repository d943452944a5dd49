package org.jingban.platform.service.cases;

import java.util.List;
import java.util.Set;

import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Party;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.ProblemException;

/**
 * The caller as the case kernel's {@link CaseActor}. Staff act as one role at a time (the step decides
 * which), identified by their subject, so the kernel's separation of duties compares persons.
 *
 * <pre>{@code
 * caseService.accept(caseId, CaseActors.as(caller, ActorRole.CLERK), ...)
 * caseService.submit(..., CaseActors.applicant(caller), ...)
 * cases.findById(id).transform(Authorize.visibleToAny(caller, CaseActors::owners))
 * }</pre>
 */
public final class CaseActors {

    private CaseActors() {
    }

    /** The caller acting as this staff role; 403 if they do not hold it. */
    public static CaseActor as(Caller caller, ActorRole role) {
        if (role == ActorRole.APPLICANT) {
            return applicant(caller);
        }
        if (role == ActorRole.SYSTEM) {
            if (!caller.isSystem()) {
                throw ProblemException.forbidden("该操作仅限系统客户端调用");
            }
            return new CaseActor("client:" + caller.subject(), caller.name() == null ? "系统" : caller.name(),
                    ActorRole.SYSTEM, Set.of());
        }
        Role needed = roleOf(role);
        caller.requireAnyRole(needed);
        return new CaseActor(caller.subject(), caller.name(), role, caller.regions());
    }

    /** The caller as applicant: a person by 证件号码, a unit by 统一社会信用代码, an institution by its code; 403 otherwise. */
    public static CaseActor applicant(Caller caller) {
        Owner party = caller.party().orElseThrow(() ->
                ProblemException.forbidden("仅参保人、单位经办人或定点医药机构可以提出申请"));
        return new CaseActor(party.id(), caller.name(), ActorRole.APPLICANT, Set.of());
    }

    /** The caller's own party as the case kernel's {@link Party} (for {@code SubmitCase}); 403 if none. */
    public static Party party(Caller caller) {
        Owner party = caller.party().orElseThrow(() ->
                ProblemException.forbidden("仅参保人、单位经办人或定点医药机构可以提出申请"));
        return switch (party.kind()) {
            case PERSON -> Party.person(party.id(), caller.name());
            case UNIT -> Party.employer(party.id(), caller.name());
            case INSTITUTION -> Party.institution(party.id(), caller.name());
        };
    }

    /** A case party and the case's region as an {@link Owner} for {@link Authorize}. */
    public static Owner owner(Party party, String regionCode) {
        return switch (party.kind()) {
            case PERSON -> Owner.person(party.id(), regionCode);
            case EMPLOYER -> Owner.unit(party.id(), regionCode);
            case INSTITUTION -> Owner.institution(party.id(), regionCode);
        };
    }

    /** Who may see a case: its applicant, its subject (if another party) and staff of its region. */
    public static List<Owner> owners(Case kase) {
        Owner applicant = owner(kase.getApplicant(), kase.getRegionCode());
        if (kase.getSubject() == null || kase.getSubject().equals(kase.getApplicant())) {
            return List.of(applicant);
        }
        return List.of(applicant, owner(kase.getSubject(), kase.getRegionCode()));
    }

    /** The token role that plays a case role. */
    public static Role roleOf(ActorRole role) {
        return switch (role) {
            case CLERK -> Role.CLERK;
            case REVIEWER -> Role.REVIEWER;
            case FINANCE -> Role.FINANCE;
            case DIRECTOR -> Role.DIRECTOR;
            case SYSTEM -> Role.SYSTEM;
            case APPLICANT -> Role.INSURED_PERSON;
        };
    }
}
