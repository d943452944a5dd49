package org.jingban.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.notification.digest.CaseDeadline;
import org.jingban.notification.digest.DigestService;
import org.jingban.notification.digest.StaffDigest;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 每日到期提醒 for 民勤县 (620621), built from the case events alone: 职工参保登记 (622036001002) has a promised
 * limit of 5 working days in Gansu; November 2026 has no holiday.
 */
class StaffDigestTest extends EmbeddedNotificationTest {

    static final String MINQIN = "620621";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24); // a Tuesday

    @Autowired
    DigestService digests;

    @Test
    void the_digest_lists_the_overdue_and_the_due_soon_cases_and_leaves_out_paused_finished_and_later_ones() {
        // accepted Mon 9 Nov → due Mon 16 Nov (10,11,12,13,16); on Tue 24 Nov 6 working days late (17–20, 23, 24)
        Case overdue = accepted("2026-11-09");
        // accepted Wed 18 Nov → due Wed 25 Nov (19,20,23,24,25): 1 working day left
        Case dueSoon = accepted("2026-11-18");
        // accepted Tue 24 Nov → due Tue 1 Dec: 5 working days left, beyond the 2 of "due soon"
        Case later = accepted("2026-11-24");
        // accepted 9 Nov too, but waiting for the applicant (补正): its clock is paused
        Case paused = accepted("2026-11-09");
        done(paused.requestSupplement(CLERK, List.of(Reason.of("material.missing", "请补充身份证件复印件")),
                at("2026-11-10")));
        // accepted 9 Nov and completed: done, whatever its date
        Case completed = accepted("2026-11-09");
        done(completed.advance(REVIEWER, completed.currentStageName(), null, at("2026-11-10"), calendar));
        done(completed.complete(CLERK, Map.of(), at("2026-11-10")));
        for (Case c : List.of(overdue, dueSoon, later, paused, completed)) {
            publisher.publishNew(c, "enrollment-service");
        }
        // the read model has followed each case to its last event
        awaitDeadline(overdue, d -> LocalDate.of(2026, 11, 16).equals(d.getDueDate()));
        awaitDeadline(dueSoon, d -> LocalDate.of(2026, 11, 25).equals(d.getDueDate()));
        awaitDeadline(later, d -> LocalDate.of(2026, 12, 1).equals(d.getDueDate()));
        awaitDeadline(paused, d -> d.getStatus() == CaseStatus.WAITING_FOR_APPLICANT && d.isPaused());
        awaitDeadline(completed, d -> d.getStatus() == CaseStatus.COMPLETED && !d.isOpen());

        StaffDigest digest = digests.build(MINQIN, TODAY).block();

        assertThat(digest.overdue()).extracting(StaffDigest.Entry::caseNumber, StaffDigest.Entry::dueDate,
                        StaffDigest.Entry::workingDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(overdue.getCaseNumber(), LocalDate.of(2026, 11, 16), 6));
        assertThat(digest.dueSoon()).extracting(StaffDigest.Entry::caseNumber, StaffDigest.Entry::dueDate,
                        StaffDigest.Entry::workingDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(dueSoon.getCaseNumber(), LocalDate.of(2026, 11, 25), 1));
        assertThat(digest.summary()).isEqualTo("超期办件1件，2个工作日内到期办件1件");

        // staff of 民勤 and ops read it; a clerk of another region may not
        http.get().uri("/api/v1/notifications/digests?regionCode=" + MINQIN)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-620621", MINQIN))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(MINQIN + ":2026-11-24")
                .jsonPath("$.items[0].overdue[0].caseNumber").isEqualTo(overdue.getCaseNumber());
        http.get().uri("/api/v1/notifications/digests?regionCode=" + MINQIN)
                .headers(h -> h.setBearerAuth(TestTokens.ops("ops-1"))).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/notifications/digests?regionCode=" + MINQIN)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-620600", WUWEI))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/notifications/digests?regionCode=62062&page=-1")
                .headers(h -> h.setBearerAuth(TestTokens.ops("ops-1"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.violations.length()").isEqualTo(2);
    }

    Case accepted(String day) {
        ItemDefinition item = catalog.item("622036001002", MINQIN);
        Case c = Case.submit(UUID.randomUUID().toString(), MINQIN + "-" + day.replace("-", "") + "-" + serial(), item,
                SubmitCase.of(item.code(), MINQIN, Channel.WINDOW, Party.person(idNumber(), "陈十二"), Map.of(),
                        item.materials().stream().map(m -> MaterialStatus.provided(m.name())).toList()), at(day));
        done(c.accept(CLERK, at(day), calendar));
        return c;
    }

    static Instant at(String day) {
        return OffsetDateTime.parse(day + "T10:00:00+08:00").toInstant();
    }

    void awaitDeadline(Case c, java.util.function.Predicate<CaseDeadline> followed) {
        await().atMost(WAIT).until(() -> mongo.findById(c.getId(), CaseDeadline.class).block(),
                d -> d != null && followed.test(d));
    }
}
