package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CaseGoingThroughItsChainTest {

    @Test
    void a_transfer_is_applied_for_accepted_reviewed_and_completed() {
        // given an application for 转移接续 (申请—受理—审核—办结) on Monday 2025-11-03
        Case c = submitted(transfer(), on(2025, 11, 3));
        assertThat(c.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.currentStageName()).isEqualTo("受理");

        // when the clerk accepts the same day, the reviewer approves, and the case is completed
        c.accept(CLERK, on(2025, 11, 3), CALENDAR).events();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
        c.advance(REVIEWER, "审核", "材料齐全，符合条件", on(2025, 11, 10), CALENDAR).events();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.APPROVED);
        c.complete(CLERK, Map.of(), on(2025, 11, 11)).events();

        // then every stage is done, the history has one line per step, and each step left an event
        assertThat(c.getStatus()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.getStages()).extracting(Stage::name).containsExactly("申请", "受理", "审核", "办结");
        assertThat(c.getStages()).allMatch(Stage::done);
        assertThat(c.getHistory()).extracting(HistoryEntry::action)
                .containsExactly(CaseAction.SUBMIT, CaseAction.ACCEPT, CaseAction.COMPLETE_STAGE, CaseAction.COMPLETE);
        assertThat(outboxTypes(c)).containsExactly(CaseEvents.SUBMITTED, CaseEvents.ACCEPTED,
                CaseEvents.STAGE_COMPLETED, CaseEvents.COMPLETED);
        // 20 working days after Mon 2025-11-03 (no holiday in Nov 2025): 4+5+5+5 = 19 by Fri 11-28, 20th = Mon 12-01
        assertThat(c.getDueDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(c.getFinishedOn()).isEqualTo(LocalDate.of(2025, 11, 11));
    }

    @Test
    void a_withdrawal_is_paid_before_it_is_completed_and_the_completed_event_carries_the_amount() {
        // given an accepted 个人账户一次性支取 (申请—受理—审核—拨付—办结)
        Case c = accepted(withdrawal(), on(2025, 11, 3));

        // when the reviewer approves and finance pays
        c.advance(REVIEWER, "审核", null, on(2025, 11, 5), CALENDAR).events();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.PAYING);
        assertThat(c.currentStageName()).isEqualTo("拨付");
        c.advance(FINANCE, "拨付", "已拨付至申请人银行账户", on(2025, 11, 6), CALENDAR).events();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.APPROVED);
        var events = c.complete(CLERK, Map.of("amount", new BigDecimal("1234.50")), on(2025, 11, 6)).events();

        // then the completion carries what the "已完成" message needs
        assertThat(c.getStatus()).isEqualTo(CaseStatus.COMPLETED);
        CaseEventData data = events.get(0).data();
        assertThat(events.get(0).type()).isEqualTo(CaseEvents.COMPLETED);
        assertThat(data.details()).containsEntry("amount", new BigDecimal("1234.50"));
        assertThat(data.submittedOn()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(data.applicant()).isEqualTo(APPLICANT);
        assertThat(data.itemName()).isEqualTo("参保人员个人账户一次性支取");
        assertThat(c.getOutbox().get(c.getOutbox().size() - 1).dataJson()).contains("\"amount\"", "1234.50");
    }

    @Test
    void a_stage_cannot_be_skipped_nor_completed_from_a_stale_screen() {
        // given an accepted withdrawal whose current stage is 审核
        Case c = accepted(withdrawal(), on(2025, 11, 3));

        // when finance tries to pay, and someone tries to complete
        Outcome pay = c.advance(FINANCE, "拨付", null, on(2025, 11, 4), CALENDAR);
        Outcome complete = c.complete(CLERK, Map.of(), on(2025, 11, 4));

        // then both are refused and the case is still at 审核
        assertThat(((Outcome.Refused) pay).refusal().reasons()).extracting(Reason::code).contains("case.not-current-stage");
        assertThat(((Outcome.Refused) complete).refusal().reasons()).extracting(Reason::message)
                .containsExactly("本件尚有未办理的环节：「审核」「拨付」");
        assertThat(c.currentStageName()).isEqualTo("审核");
    }

    @Test
    void a_service_adds_its_own_stages_with_their_own_clock() {
        // given a settlement with 对账 before 审核 and 财务复核, 负责人审批 before 拨付
        SubmitCase command = application(settlement()).withExtraStages(
                StageInsertion.before("审核", StageSpec.of("对账", 5)),
                StageInsertion.before("拨付", StageSpec.of("财务复核"), StageSpec.of("负责人审批")));
        Case c = Case.submit("case-1", "620600-20251103-000001", settlement(), command, on(2025, 11, 3));

        // when it is accepted on Mon 2025-11-03
        c.accept(CLERK, on(2025, 11, 3), CALENDAR).events();

        // then the chain has the service's stages and 对账 runs its own 5-day clock: Mon 11-10
        assertThat(c.getStages()).extracting(Stage::name)
                .containsExactly("申请", "受理", "对账", "审核", "财务复核", "负责人审批", "拨付", "办结");
        assertThat(c.getStages()).extracting(Stage::kind).containsExactly(StageKind.APPLICATION, StageKind.ACCEPTANCE,
                StageKind.OTHER, StageKind.REVIEW, StageKind.FINANCE_REVIEW, StageKind.APPROVAL, StageKind.PAYMENT,
                StageKind.COMPLETION);
        assertThat(c.stageDeadline(LocalDate.of(2025, 11, 3), CALENDAR, 2).dueDate()).isEqualTo(LocalDate.of(2025, 11, 10));
        assertThat(c.getStatus()).isEqualTo(CaseStatus.ACCEPTED);

        // and the applicant sees that stage's clock: on track on Tue 11-04, overdue on Tue 11-11 (one day past it)
        CaseProgress early = c.progress(LocalDate.of(2025, 11, 4), CALENDAR, 2);
        assertThat(early.currentStage()).isEqualTo("对账");
        assertThat(early.stageDueDate()).isEqualTo(LocalDate.of(2025, 11, 10));
        assertThat(early.stageDeadlineStatus()).isEqualTo(org.jingban.platform.calendar.DeadlineStatus.ON_TRACK);
        assertThat(c.progress(LocalDate.of(2025, 11, 11), CALENDAR, 2).stageDeadlineStatus())
                .isEqualTo(org.jingban.platform.calendar.DeadlineStatus.OVERDUE);
    }
}
