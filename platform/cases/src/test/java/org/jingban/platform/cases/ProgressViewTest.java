package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import java.time.LocalDate;

import org.jingban.platform.calendar.DeadlineStatus;
import org.junit.jupiter.api.Test;

/** 办理进度查询 as the applicant sees it. */
class ProgressViewTest {

    @Test
    void the_applicant_sees_stages_due_date_and_which_post_acted_but_not_who() {
        // given a withdrawal accepted on Mon 2025-11-03 (15 working days: due Mon 11-24) and reviewed
        Case c = accepted(withdrawal(), on(2025, 11, 3));
        c.advance(REVIEWER, "审核", "符合支取条件", on(2025, 11, 5), CALENDAR).events();

        // when the applicant queries progress on Thu 11-20
        CaseProgress progress = c.progress(LocalDate.of(2025, 11, 20), CALENDAR, 2);

        // then: done 申请 受理 审核, now 拨付, then 办结; 11-21 and 11-24 left = 2: due soon
        assertThat(progress.caseNumber()).isEqualTo("620600-20251103-000001");
        assertThat(progress.stagesDone()).containsExactly("申请", "受理", "审核");
        assertThat(progress.currentStage()).isEqualTo("拨付");
        assertThat(progress.nextStage()).isEqualTo("办结");
        assertThat(progress.statusLabel()).isEqualTo("拨付中");
        assertThat(progress.dueDate()).isEqualTo(LocalDate.of(2025, 11, 24));
        assertThat(progress.deadlineStatus()).isEqualTo(DeadlineStatus.DUE_SOON);
        assertThat(progress.history()).extracting(CaseProgress.Step::by).containsExactly("申请人", "受理人员", "审核人员");
        assertThat(progress.toString()).doesNotContain("clerk-01", "reviewer-01", "李受理", "王审核");
    }

    @Test
    void the_applicants_id_number_is_masked_wherever_a_case_may_be_logged() {
        assertThat(APPLICANT.toString()).contains("6206**********1234").doesNotContain("620602199001011234");
        assertThat(CaseActor.applicant(APPLICANT).toString()).doesNotContain("620602199001011234");
    }
}
