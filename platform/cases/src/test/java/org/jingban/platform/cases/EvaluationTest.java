package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** 好差评: once, by the applicant, after 办结. */
class EvaluationTest {

    @Test
    void the_applicant_cannot_rate_a_case_before_it_is_completed() {
        // given a case under review
        Case c = accepted(transfer(), on(2025, 11, 3));

        // when the applicant rates it
        Outcome outcome = c.evaluate(APPLICANT.id(), 5, "很好", on(2025, 11, 4));

        // then it is refused
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::message)
                .containsExactly("本件办结后才能评价（当前状态：审核中）");
        assertThat(c.getEvaluation()).isNull();
    }

    @Test
    void the_applicant_rates_a_completed_case_once() {
        // given a completed case
        Case c = accepted(transfer(), on(2025, 11, 3));
        c.advance(REVIEWER, "审核", null, on(2025, 11, 4), CALENDAR).events();
        c.complete(CLERK, Map.of(), on(2025, 11, 5)).events();

        // when the applicant rates it 4, then tries again
        var events = c.evaluate(APPLICANT.id(), 4, "办理及时", on(2025, 11, 6)).events();
        Outcome again = c.evaluate(APPLICANT.id(), 1, null, on(2025, 11, 7));

        // then the first rating stands and the second is refused
        assertThat(events.get(0).type()).isEqualTo(CaseEvents.EVALUATED);
        assertThat(events.get(0).data().score()).isEqualTo(4);
        assertThat(c.getEvaluation().score()).isEqualTo(4);
        assertThat(c.getEvaluation().comment()).isEqualTo("办理及时");
        assertThat(((Outcome.Refused) again).refusal().reasons()).extracting(Reason::code)
                .containsExactly("case.already-evaluated");
    }

    @Test
    void a_rating_by_someone_else_with_a_score_out_of_range_is_refused_for_both_reasons() {
        // given a completed case
        Case c = accepted(transfer(), on(2025, 11, 3));
        c.advance(REVIEWER, "审核", null, on(2025, 11, 4), CALENDAR).events();
        c.complete(CLERK, Map.of(), on(2025, 11, 5)).events();

        // when another person rates it 6
        Outcome outcome = c.evaluate("620602198001015678", 6, null, on(2025, 11, 6));

        // then both problems are named at once
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::code)
                .containsExactly("case.not-applicant", "evaluation.score");
    }
}
