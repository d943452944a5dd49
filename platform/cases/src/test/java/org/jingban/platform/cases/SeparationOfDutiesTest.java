package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import org.junit.jupiter.api.Test;

/** 岗位分离: on 较高风险 and 高风险 items, 受理, 审核 and 财务复核 are three different people. */
class SeparationOfDutiesTest {

    /** One person who holds both the clerk's and the reviewer's post in a small office. */
    static final CaseActor ZHOU_AS_CLERK = CaseActor.staff("staff-07", "周某", ActorRole.CLERK, WUWEI);
    static final CaseActor ZHOU_AS_REVIEWER = CaseActor.staff("staff-07", "周某", ActorRole.REVIEWER, WUWEI);
    static final CaseActor ZHOU_AS_FINANCE = CaseActor.staff("staff-07", "周某", ActorRole.FINANCE, WUWEI);

    @Test
    void on_a_higher_risk_item_the_person_who_accepted_cannot_approve() {
        // given a 较高风险 withdrawal accepted by 周某
        Case c = submitted(withdrawal(), on(2025, 11, 3));
        c.accept(ZHOU_AS_CLERK, on(2025, 11, 3), CALENDAR).events();

        // when 周某 reviews it in the reviewer's role
        Outcome outcome = c.advance(ZHOU_AS_REVIEWER, "审核", null, on(2025, 11, 4), CALENDAR);

        // then it is refused, by person, with a clear reason
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::message).containsExactly(
                "本事项为较高风险事项，须岗位分离：您已办理本件的「受理」环节，不能再办理「审核」环节");
        assertThat(c.currentStageName()).isEqualTo("审核");

        // and another reviewer may
        assertThat(c.advance(REVIEWER, "审核", null, on(2025, 11, 4), CALENDAR).refused()).isFalse();
    }

    @Test
    void on_a_higher_risk_withdrawal_the_person_who_reviewed_does_not_pay_out() {
        // given a 较高风险 withdrawal (申请—受理—审核—拨付—办结) reviewed by 周某, who also holds a finance post
        Case c = submitted(withdrawal(), on(2025, 11, 3));
        c.accept(CLERK, on(2025, 11, 3), CALENDAR).events();
        c.advance(ZHOU_AS_REVIEWER, "审核", null, on(2025, 11, 4), CALENDAR).events();

        // when 周某 does 拨付 in the finance role
        Outcome outcome = c.advance(ZHOU_AS_FINANCE, "拨付", null, on(2025, 11, 5), CALENDAR);

        // then it is refused; another finance person pays
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::message).containsExactly(
                "本事项为较高风险事项，须岗位分离：您已办理本件的「审核」环节，不能再办理「拨付」环节");
        assertThat(c.advance(FINANCE, "拨付", null, on(2025, 11, 5), CALENDAR).refused()).isFalse();
        assertThat(c.currentStageName()).isEqualTo("办结");
    }

    @Test
    void on_a_low_risk_item_the_same_person_may_accept_and_approve() {
        // given a 低风险 registration of a 在职职工 accepted by 周某
        Case c = Case.submit("case-1", "620600-20251103-000001", employeeRegistration(),
                application(employeeRegistration()).withGroup("在职职工"), on(2025, 11, 3));
        c.accept(ZHOU_AS_CLERK, on(2025, 11, 3), CALENDAR).events();

        // when 周某 reviews it
        Outcome outcome = c.advance(ZHOU_AS_REVIEWER, "审核", null, on(2025, 11, 4), CALENDAR);

        // then it goes through
        assertThat(outcome.refused()).isFalse();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void on_a_high_risk_settlement_the_finance_reviewer_is_a_third_person() {
        // given a 高风险 settlement with 财务复核 before 拨付, accepted by the clerk and reviewed by 周某
        SubmitCase command = application(settlement())
                .withExtraStages(StageInsertion.before("拨付", StageSpec.of("财务复核")));
        Case c = Case.submit("case-1", "620600-20251103-000001", settlement(), command, on(2025, 11, 3));
        c.accept(CLERK, on(2025, 11, 3), CALENDAR).events();
        c.advance(ZHOU_AS_REVIEWER, "审核", null, on(2025, 11, 5), CALENDAR).events();

        // when 周某 also does the finance review
        Outcome outcome = c.advance(ZHOU_AS_FINANCE, "财务复核", null, on(2025, 11, 6), CALENDAR);

        // then it is refused; a third person may
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::message).containsExactly(
                "本事项为高风险事项，须岗位分离：您已办理本件的「审核」环节，不能再办理「财务复核」环节");
        assertThat(c.advance(FINANCE, "财务复核", null, on(2025, 11, 6), CALENDAR).refused()).isFalse();
        assertThat(c.currentStageName()).isEqualTo("拨付");
    }

    @Test
    void on_a_higher_risk_item_the_system_cannot_approve() {
        // given a withdrawal accepted automatically online
        Case c = submitted(withdrawal(), on(2025, 11, 3));
        c.accept(CaseActor.SYSTEM, on(2025, 11, 3), CALENDAR).events();

        // when the system tries to approve it too
        Outcome outcome = c.advance(CaseActor.SYSTEM, "审核", null, on(2025, 11, 3), CALENDAR);

        // then a person must
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::message)
                .containsExactly("本事项为较高风险事项，「审核」须由工作人员办理");
    }

    @Test
    void only_the_head_of_the_office_approves_and_not_the_one_who_reviewed_or_checked_the_finances() {
        // given a 高风险 settlement with 财务复核 and 负责人审批 before 拨付 (the risk point of 622036010001: "负责人、经办机构
        // 负责人审批时…"), accepted, reviewed and finance-checked
        SubmitCase command = application(settlement())
                .withExtraStages(StageInsertion.before("拨付", StageSpec.of("财务复核"), StageSpec.of("负责人审批")));
        Case c = Case.submit("case-1", "620600-20251103-000001", settlement(), command, on(2025, 11, 3));
        c.accept(CLERK, on(2025, 11, 3), CALENDAR).events();
        c.advance(REVIEWER, "审核", null, on(2025, 11, 5), CALENDAR).events();
        c.advance(FINANCE, "财务复核", null, on(2025, 11, 6), CALENDAR).events();
        assertThat(c.currentStageName()).isEqualTo("负责人审批");
        assertThat(StageKind.of("负责人审批")).isEqualTo(StageKind.APPROVAL);

        // when a reviewer, or the system, tries the head's approval: refused by role
        assertThat(((Outcome.Refused) c.advance(CaseActor.staff("reviewer-02", "孙审核", ActorRole.REVIEWER, WUWEI),
                "负责人审批", null, on(2025, 11, 7), CALENDAR)).refusal().reasons()).extracting(Reason::code)
                .contains("case.role-not-allowed");
        assertThat(c.advance(CaseActor.SYSTEM, "负责人审批", null, on(2025, 11, 7), CALENDAR).refused()).isTrue();
        // nor the director who already did the review in a small office
        CaseActor directorWhoReviewed = CaseActor.staff("reviewer-01", "王审核", ActorRole.DIRECTOR, WUWEI);
        assertThat(((Outcome.Refused) c.advance(directorWhoReviewed, "负责人审批", null, on(2025, 11, 7), CALENDAR))
                .refusal().reasons()).extracting(Reason::code).containsExactly("case.separation-of-duties");

        // then the head approves, and the case goes on to 拨付
        assertThat(c.advance(DIRECTOR, "负责人审批", null, on(2025, 11, 7), CALENDAR).refused()).isFalse();
        assertThat(c.currentStageName()).isEqualTo("拨付");
    }
}
