package org.jingban.platform.service.cases;

import java.util.Set;

import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Party;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller as the case kernel sees it: staff by person and role, applicants by their party id. */
class CaseActorsTest {

    private static Caller caller(Set<Role> roles, String idNumber, String unit, Set<String> regions) {
        return new Caller("gh-007", "王五", roles, Set.of(), idNumber, unit, null, regions, null);
    }

    @Test
    void a_clerk_reviewer_acts_as_the_role_the_step_needs_under_one_person_id() {
        Caller both = caller(Set.of(Role.CLERK, Role.REVIEWER), null, null, Set.of("620600"));
        CaseActor clerk = CaseActors.as(both, ActorRole.CLERK);
        CaseActor reviewer = CaseActors.as(both, ActorRole.REVIEWER);
        assertThat(clerk.id()).isEqualTo("gh-007").isEqualTo(reviewer.id()); // so the kernel sees one person
        assertThat(clerk.role()).isEqualTo(ActorRole.CLERK);
        assertThat(reviewer.serves("620600")).isTrue();
        assertThatThrownBy(() -> CaseActors.as(both, ActorRole.FINANCE))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void a_citizen_applies_under_their_id_number_and_an_agent_under_the_units_code() {
        String id = TestIdentities.idNumber(3);
        Caller citizen = caller(Set.of(Role.INSURED_PERSON), id, null, Set.of());
        assertThat(CaseActors.applicant(citizen).id()).isEqualTo(id);
        assertThat(CaseActors.party(citizen)).isEqualTo(Party.person(id, "王五"));
        String unit = TestIdentities.unitCode(3);
        Caller agent = caller(Set.of(Role.EMPLOYER_AGENT), null, unit, Set.of());
        assertThat(CaseActors.party(agent).kind()).isEqualTo(Party.Kind.EMPLOYER);
        assertThat(CaseActors.owner(CaseActors.party(agent), "620600")).isEqualTo(Owner.unit(unit, "620600"));
        assertThatThrownBy(() -> CaseActors.applicant(caller(Set.of(Role.CLERK), null, null, Set.of("620600"))))
                .isInstanceOf(ProblemException.class);
    }
}
