package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import java.time.LocalDate;
import java.util.Map;

import org.jingban.platform.calendar.DeadlineStatus;
import org.junit.jupiter.api.Test;

/** 即办件: 职工参保登记 is instant for 灵活就业人员, 5 working days for 在职职工. */
class InstantItemTest {

    @Test
    void a_flexible_worker_registration_completes_within_the_request() {
        // given a registration by a 灵活就业人员 with every material
        SubmitCase command = application(employeeRegistration(), MaterialStatus.provided("《职工基本医疗保险参保登记表》"),
                MaterialStatus.shared("医保电子凭证或有效身份证件或社保卡")).withGroup("灵活就业人员");
        Case c = Case.submit("case-1", "620600-20251103-000001", employeeRegistration(), command, on(2025, 11, 3));
        assertThat(c.isInstant()).isTrue();

        // when the automated checks passed and the system completes it
        c.completeInstantly(CaseActor.SYSTEM, Map.of("参保日期", "2025-11-03"), on(2025, 11, 3)).events();

        // then it is completed the same day, every stage done by the system
        assertThat(c.getStatus()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.getStages()).allSatisfy(s -> assertThat(s.done()).isTrue());
        assertThat(c.getFinishedOn()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(c.getLimitWorkingDays()).isZero();
        assertThat(c.deadline(LocalDate.of(2025, 11, 3), CALENDAR, 2).status()).isEqualTo(DeadlineStatus.COMPLETED);
        assertThat(outboxTypes(c)).containsExactly(CaseEvents.SUBMITTED, CaseEvents.COMPLETED);
    }

    @Test
    void an_employed_workers_registration_is_not_instant() {
        // given a registration by a 在职职工: 5 working days
        Case c = Case.submit("case-1", "620600-20251103-000001", employeeRegistration(),
                application(employeeRegistration()).withGroup("在职职工"), on(2025, 11, 3));

        // when the system tries to complete it at once
        Outcome outcome = c.completeInstantly(CaseActor.SYSTEM, Map.of(), on(2025, 11, 3));

        // then it is refused; the case waits for a clerk, with 5 working days once accepted
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::code)
                .containsExactly("case.not-instant");
        assertThat(c.getLimitWorkingDays()).isEqualTo(5);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void an_instant_item_with_a_missing_material_cannot_complete() {
        // given a 灵活就业人员 registration without the registration form
        Case c = Case.submit("case-1", "620600-20251103-000001", employeeRegistration(),
                application(employeeRegistration(), MaterialStatus.missing("《职工基本医疗保险参保登记表》"))
                        .withGroup("灵活就业人员"), on(2025, 11, 3));

        // when the system tries to complete it
        Outcome outcome = c.completeInstantly(CaseActor.SYSTEM, Map.of(), on(2025, 11, 3));

        // then the missing material is named
        assertThat(((Outcome.Refused) outcome).refusal().reasons()).extracting(Reason::message)
                .containsExactly("缺少申请材料：《职工基本医疗保险参保登记表》");
    }
}
