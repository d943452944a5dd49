package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import java.time.LocalDate;
import java.util.List;

import org.jingban.platform.calendar.DeadlineStatus;
import org.junit.jupiter.api.Test;

/** 补正: the clock stops while the office waits for the applicant. */
class SupplementPausesTheClockTest {

    @Test
    void the_due_date_moves_by_the_working_days_spent_waiting_for_the_applicant() {
        // given a transfer accepted on Mon 2025-11-03, 20 working days: due Mon 2025-12-01
        Case c = accepted(transfer(), on(2025, 11, 3));
        assertThat(c.getDueDate()).isEqualTo(LocalDate.of(2025, 12, 1));

        // when the reviewer asks for two more materials on Mon 11-10
        List<Reason> missing = List.of(Reason.of("material.missing", "缺少申请材料：《参保凭证》"),
                Reason.of("material.unreadable", "《基本医疗保险关系转移接续申请表》签字不清"));
        List<CaseEvent> events = c.requestSupplement(REVIEWER, missing, on(2025, 11, 10)).events();

        // then the case waits, the clock is paused, and the notice carries both reasons
        assertThat(c.getStatus()).isEqualTo(CaseStatus.WAITING_FOR_APPLICANT);
        assertThat(events.get(0).data().reasons()).hasSize(2);
        assertThat(c.deadline(LocalDate.of(2025, 11, 12), CALENDAR, 2).status()).isEqualTo(DeadlineStatus.PAUSED);

        // when the applicant supplies them on Thu 11-13
        c.resumeAfterSupplement(CaseActor.applicant(APPLICANT),
                List.of(MaterialStatus.provided("《参保凭证》（含电子《参保凭证》）")), "已上传", on(2025, 11, 13), CALENDAR)
                .events();

        // then review goes on and the due date moved by the paused working days (11-11, 11-12, 11-13 = 3):
        // the 23rd working day after 11-03 is Thu 2025-12-04
        assertThat(c.getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(c.getDueDate()).isEqualTo(LocalDate.of(2025, 12, 4));
        assertThat(c.deadline(LocalDate.of(2025, 11, 13), CALENDAR, 2).status()).isEqualTo(DeadlineStatus.ON_TRACK);
        assertThat(outboxTypes(c)).endsWith(CaseEvents.SUPPLEMENT_REQUESTED, CaseEvents.SUPPLEMENTED);
    }

    @Test
    void only_the_applicant_themself_may_supply_the_material() {
        // given a case waiting for material
        Case c = accepted(transfer(), on(2025, 11, 3));
        c.requestSupplement(REVIEWER, List.of(Reason.of("material.missing", "缺少申请材料：《参保凭证》")),
                on(2025, 11, 4)).events();

        // when someone else, logged in as an applicant, answers
        Outcome outcome = c.resumeAfterSupplement(CaseActor.applicant(Party.person("620602198001015678", "李四")),
                List.of(), null, on(2025, 11, 5), CALENDAR);

        // then it is refused and the case still waits
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::code)
                .containsExactly("case.not-applicant");
        assertThat(c.getStatus()).isEqualTo(CaseStatus.WAITING_FOR_APPLICANT);
    }

    @Test
    void a_supplement_asked_before_acceptance_has_no_clock_to_pause() {
        // given a submitted, not yet accepted, transfer
        Case c = submitted(transfer(), on(2025, 11, 3));

        // when the clerk asks for more material, then the applicant answers and the clerk accepts
        c.requestSupplement(CLERK, List.of(Reason.of("material.missing", "缺少申请材料：《参保凭证》")),
                on(2025, 11, 4)).events();
        assertThat(c.deadline(LocalDate.of(2025, 11, 4), CALENDAR, 2)).isNull();
        c.resumeAfterSupplement(CLERK, List.of(), "窗口补交", on(2025, 11, 6), CALENDAR).events();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
        c.accept(CLERK, on(2025, 11, 6), CALENDAR).events();

        // then the clock starts at acceptance: 20 working days after Thu 11-06 is Thu 12-04
        assertThat(c.getAcceptedOn()).isEqualTo(LocalDate.of(2025, 11, 6));
        assertThat(c.getDueDate()).isEqualTo(LocalDate.of(2025, 12, 4));
    }
}
