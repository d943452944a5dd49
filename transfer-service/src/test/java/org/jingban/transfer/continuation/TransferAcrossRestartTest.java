package org.jingban.transfer.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.transfer.EnrollmentDouble;

import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service stops between two stages and comes back: the 《联系函》 is out and enrollment-service answers the
 * release while transfer-service is down; the new instance picks the answer up from the broker and finishes, the
 * periods and the exact balance arriving once. Runs in a JVM of its own (surefire execution "restart"): no cached
 * test context of this service may consume in between. Steps go through the service's beans (no test tokens
 * outside the Spring test framework).
 */
class TransferAcrossRestartTest {

    static final String WUWEI = "620600";
    static final String LANZHOU = "620100";
    static final String EMPLOYEE = "职工基本医疗保险";

    private static ConfigurableApplicationContext start() {
        JingbanInfrastructure infra = JingbanInfrastructure.get();
        // command-line arguments: they win over the service defaults (localhost) like the environment would
        return new SpringApplicationBuilder(org.jingban.transfer.TransferServiceApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(), "--spring.mongodb.uri=" + infra.mongoUri(),
                "--spring.mongodb.database=jingban_transfer_restart", "--server.port=0");
    }

    @Test
    void a_transfer_completes_once_when_the_service_restarts_between_the_letter_and_the_info_sheet() {
        EnrollmentDouble enrollment = EnrollmentDouble.get();
        String id = TestIds.idNumber();
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            enrollment.enroll(id, "吴九", "765.43",
                    EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "SUSPENDED", "在职职工", "2019-01", "2026-10"),
                    EnrollmentDouble.insurance(EMPLOYEE, LANZHOU, "ACTIVE", "在职职工", "2026-11", null));
            EnrollmentReadModel readModel = first.getBean(EnrollmentReadModel.class);
            TestIds.eventually(() -> readModel.byIdNumber(id).filter(p -> p.getInsurances().size() == 2).block());
            enrollment.hold();
            CaseService cases = first.getBean(CaseService.class);
            Catalog catalog = first.getBean(Catalog.class);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("姓名", "吴九");
            form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
            form.put("基本医疗保险类型", "职工医保");
            form.put("转出地医保(行政)区划代码", WUWEI);
            form.put("转入地医保(行政)区划代码", LANZHOU);
            form.put(TransferApplicationForm.TRANSFER_ID, UUID.randomUUID().toString());
            Party person = Party.person(id, "吴九");
            Case submitted = cases.submit(new SubmitCase(TransferStages.ITEM_CODE, LANZHOU, Channel.WINDOW, person, person,
                    null, form, List.<MaterialStatus>of(), List.of(TransferStages.insertion(catalog.item(TransferStages.ITEM_CODE,
                    LANZHOU))), List.of(), Map.of(), CaseActor.staff("gh-1", "受理员", ActorRole.CLERK, LANZHOU))).block();
            caseId = submitted.getId();
            cases.accept(caseId, CaseActor.staff("gh-1", "受理员", ActorRole.CLERK, LANZHOU)).block();
            // the 联系函 went out and the 转出地 asked for the release; enrollment has not answered yet
            TestIds.eventually(() -> enrollment.heldCount() > 0 ? true : null);
            String acceptedId = caseId;
            TestIds.eventually(() -> TransferStages.SHEET.equals(cases.find(acceptedId).block().currentStageName()) ? true : null);
        }
        enrollment.answerHeld();   // released while transfer-service is down
        try (ConfigurableApplicationContext second = start()) {
            CaseService cases = second.getBean(CaseService.class);
            String finalCaseId = caseId;
            Case done = TestIds.eventually(() -> {
                Case c = cases.find(finalCaseId).block();
                return c.getStatus() == CaseStatus.COMPLETED ? c : null;
            });
            assertThat(done.getDetails()).containsEntry("转入个人账户金额", "765.43");
            assertThat(enrollment.balance(id)).isEqualByComparingTo(new BigDecimal("765.43"));
            assertThat(enrollment.credits.values().stream().mapToInt(a -> a.get()).max().orElse(0)).isEqualTo(1);
        }
    }
}
