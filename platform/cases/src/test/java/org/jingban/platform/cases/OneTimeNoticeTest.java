package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** 一次性告知: every refusal lists every reason at once. */
class OneTimeNoticeTest {

    @Test
    void refusing_acceptance_lists_every_missing_material_and_failed_condition_at_once() {
        // given an application for 转移接续 missing two materials and failing a condition
        Case c = Case.submit("case-1", "620600-20251103-000001", transfer(), application(transfer(),
                MaterialStatus.provided("医保电子凭证或有效身份证件或社保卡"),
                MaterialStatus.missing("《参保凭证》（含电子《参保凭证》）"),
                MaterialStatus.missing("《基本医疗保险关系转移接续申请表》")), on(2025, 11, 3));
        List<Reason> reasons = new java.util.ArrayList<>(c.missingMaterials());
        reasons.add(Reason.of("condition.not-suspended", "转出地尚未中止参保"));

        // when the clerk refuses acceptance (不予受理)
        List<CaseEvent> events = c.reject(CLERK, reasons, on(2025, 11, 4)).events();

        // then the case is closed and the one event names all three reasons
        assertThat(c.getStatus()).isEqualTo(CaseStatus.REJECTED);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CaseEvents.REJECTED);
            assertThat(e.data().reasons()).extracting(Reason::message).containsExactly(
                    "缺少申请材料：《参保凭证》（含电子《参保凭证》）",
                    "缺少申请材料：《基本医疗保险关系转移接续申请表》",
                    "转出地尚未中止参保");
        });
        assertThat(c.getStages()).extracting(Stage::state).containsExactly(Stage.State.DONE, Stage.State.STOPPED,
                Stage.State.STOPPED, Stage.State.STOPPED);
    }

    @Test
    void a_command_refused_for_several_reasons_names_them_all_and_changes_nothing() {
        // given a submitted transfer in 武威 (620600)
        Case c = submitted(transfer(), on(2025, 11, 3));
        CaseActor reviewerElsewhere = CaseActor.staff("reviewer-99", "外地审核", ActorRole.REVIEWER, "513224");

        // when a reviewer of 松潘 (513224) tries to accept it
        Outcome outcome = c.accept(reviewerElsewhere, on(2025, 11, 3), CALENDAR);

        // then both the role and the region are named, and the case is untouched
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::message).containsExactly(
                "审核人员不能办理受理", "您不负责医保区划 620600 的办件");
        assertThat(c.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(outboxTypes(c)).containsExactly(CaseEvents.SUBMITTED);
    }

    @Test
    void refusing_without_saying_why_is_not_allowed() {
        // given an accepted transfer
        Case c = accepted(transfer(), on(2025, 11, 3));

        // when the reviewer refuses it with no reason
        Outcome outcome = c.refuse(REVIEWER, List.of(), on(2025, 11, 5));

        // then the refusal itself is refused
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::code)
                .containsExactly("case.reasons-required");
        assertThat(c.getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    @Test
    void a_case_refused_after_review_tells_the_applicant_every_reason() {
        // given an accepted transfer
        Case c = accepted(transfer(), on(2025, 11, 3));

        // when the reviewer decides it cannot be completed (未完成)
        List<Reason> reasons = List.of(Reason.of("transfer.no-record", "转出地无参保记录"),
                Reason.of("transfer.still-insured", "转出地仍在参保"));
        List<CaseEvent> events = c.refuse(REVIEWER, reasons, on(2025, 11, 5)).events();

        // then the refused event carries both, for the "未完成 原因为" message
        assertThat(c.getStatus()).isEqualTo(CaseStatus.REFUSED);
        assertThat(events.get(0).type()).isEqualTo(CaseEvents.REFUSED);
        assertThat(events.get(0).data().reasons()).isEqualTo(reasons);
    }
}
