package org.jingban.platform.security;

import java.time.Duration;
import java.util.Set;

import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

import static org.jingban.platform.security.app.SecuredTestApplication.ALICE;
import static org.jingban.platform.security.app.SecuredTestApplication.BOB;
import static org.jingban.platform.security.app.SecuredTestApplication.SONGPAN;
import static org.jingban.platform.security.app.SecuredTestApplication.WUWEI;

/** Staff reads and decisions land in the audit trail; ops finds them by person, staff member and time. */
class AuditTrailTest extends SecuredApplicationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void a_clerks_read_of_a_persons_record_is_recorded_and_ops_finds_it_by_person_with_the_id_masked() {
        get("/api/v1/test/records/r-alice/full", TestTokens.as(Role.CLERK).subject("audit-c1").name("赵六")
                .regions(WUWEI).token())
                .expectStatus().isOk()
                .expectBody().jsonPath("$.idNumber").isEqualTo(ALICE);
        get("/audit-trail?person=" + ALICE + "&staff=audit-c1", TestTokens.ops("ops-1"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].actor").isEqualTo("audit-c1")
                .jsonPath("$.entries[0].actorName").isEqualTo("赵六")
                .jsonPath("$.entries[0].roles[0]").isEqualTo("CLERK")
                .jsonPath("$.entries[0].actorRegions[0]").isEqualTo(WUWEI)
                .jsonPath("$.entries[0].action").isEqualTo("READ")
                .jsonPath("$.entries[0].object").isEqualTo("参保信息")
                .jsonPath("$.entries[0].objectId").isEqualTo("r-alice")
                .jsonPath("$.entries[0].region").isEqualTo(WUWEI)
                .jsonPath("$.entries[0].outcome").isEqualTo("允许")
                .jsonPath("$.entries[0].service").isEqualTo("security-test")
                .jsonPath("$.entries[0].requestId").exists()
                .jsonPath("$.entries[0].at").exists()
                .jsonPath("$.entries[0].partyId").isEqualTo(ALICE.substring(0, 3) + "***********" + ALICE.substring(14));
    }

    @Test
    void concurrent_staff_reads_are_stored_together_and_every_one_is_recorded() {
        // fifty reads at once by one clerk: their entries share inserts (group commit), none is lost
        Caller clerk = new Caller("audit-many", "钱七", Set.of(Role.CLERK), null, null, null, null,
                Set.of(WUWEI), null);
        Long recorded = Flux.range(0, 50)
                .flatMap(i -> audit.read(clerk, Owner.person(ALICE, WUWEI), "参保信息", "r-" + i), 50)
                .then(mongo.count(Query.query(
                        Criteria.where("actor").is("audit-many")),
                        AuditTrail.COLLECTION))
                .block(Duration.ofSeconds(30));
        assertThat(recorded).isEqualTo(50);
    }

    @Test
    void a_citizen_reading_their_own_record_is_not_a_staff_read_and_is_not_recorded() {
        get("/api/v1/test/records/r-bob/full", TestTokens.as(Role.INSURED_PERSON).subject("audit-bob").idNumber(BOB).token())
                .expectStatus().isOk().expectBody().jsonPath("$.idNumber").isEqualTo(BOB);
        get("/audit-trail?staff=audit-bob", TestTokens.ops("ops-1"))
                .expectStatus().isOk().expectBody().jsonPath("$.entries.length()").isEqualTo(0);
    }

    @Test
    void a_decision_is_recorded_with_its_outcome_and_found_by_staff_member_and_day() {
        http.post().uri("/api/v1/test/records/r-bob/decide")
                .headers(h -> h.setBearerAuth(TestTokens.clerk("audit-c2", SONGPAN))).exchange()
                .expectStatus().isOk();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        get("/audit-trail?staff=audit-c2&from=" + today + "&to=" + today, TestTokens.ops("ops-1"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].action").isEqualTo("DECISION")
                .jsonPath("$.entries[0].outcome").isEqualTo("受理");
        get("/audit-trail?staff=audit-c2&from=2020-01-01&to=2020-01-02", TestTokens.ops("ops-1"))
                .expectStatus().isOk().expectBody().jsonPath("$.entries.length()").isEqualTo(0);
    }

    @Test
    void only_ops_query_the_trail_and_a_bad_query_lists_every_problem() {
        get("/audit-trail?staff=x", TestTokens.clerk("c1", WUWEI)).expectStatus().isForbidden();
        get("/audit-trail?staff=x", TestTokens.director("d1", WUWEI)).expectStatus().isForbidden();
        get("/audit-trail?staff=x", null).expectStatus().isUnauthorized();
        get("/audit-trail?from=yesterday&size=1000", TestTokens.ops("ops-1"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations.length()").isEqualTo(3);
    }

    @Test
    void list_responses_mask_id_numbers_even_for_staff_of_the_region() {
        get("/api/v1/test/records", TestTokens.clerk("c1", WUWEI))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].idNumber").isEqualTo(ALICE.substring(0, 3) + "***********" + ALICE.substring(14));
    }
}
