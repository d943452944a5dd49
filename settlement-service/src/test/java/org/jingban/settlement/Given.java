package org.jingban.settlement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.offsitefiling.api.FilingEvents;
import org.jingban.offsitefiling.api.OffsiteFilingTopics;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.TestEvents;
import org.jingban.reimbursement.api.EntitlementEvents;
import org.jingban.reimbursement.api.ReimbursementTopics;
import org.jingban.settlement.account.AccountBalances;
import org.jingban.settlement.coverage.AgreementReadModel;
import org.jingban.settlement.coverage.EntitlementReadModel;
import org.jingban.offsitefiling.api.coverage.OffsiteFilingReadModel;

/**
 * Other services' sides of the contracts, as events on the real broker (platform/test-support {@code TestEvents}), each
 * awaited until settlement-service's read model has it: persons (enrollment), balances (enrollment's account events),
 * agreements (designated-institution), filings (offsite-filing), entitlements (reimbursement).
 */
public final class Given {

    public static final String WUWEI = "620600";
    public static final String LIANGZHOU = "620602";
    public static final String LANZHOU = "620100";
    public static final String EMPLOYEE = "职工基本医疗保险";
    public static final String RESIDENT = "城乡居民基本医疗保险";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Given() {
    }

    /** An insured person (ACTIVE) of the scheme in the pool; their 证件号码 (account id = {@code "p-" + 证件号码}). */
    public static String person(EnrollmentReadModel readModel, String name, String insuranceType, String pool) {
        String id = TestIdentities.randomIdNumber(1975);
        String personId = "p-" + id;
        PersonEvents.InsuranceView insurance = new PersonEvents.InsuranceView(insuranceType, pool, null, null,
                EMPLOYEE.equals(insuranceType) ? "在职职工" : "城乡居民", "ACTIVE", "参保缴费", List.of(), 12);
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", PersonEvents.ENROLLED, personId,
                new PersonEvents.Person(personId, id, name, "增加", pool, List.of(insurance), null));
        Eventually.until(WAIT, () -> readModel.byIdNumber(id).block());
        return id;
    }

    /** The balance enrollment-service last reported for the person's account (one contribution credited). */
    public static void balance(AccountBalances balances, String idNumber, String pool, String amount) {
        String accountId = "p-" + idNumber;
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", AccountEvents.CREDITED, accountId,
                new AccountEvents.Posted(accountId, accountId, pool, UUID.randomUUID().toString(), 1, "CONTRIBUTION",
                        amount, amount, "contribution-" + idNumber, null, null, Instant.now()));
        Eventually.until(WAIT, () -> balances.balance(accountId).block().toString().equals(amount) ? true : null);
    }

    public static String institutionCode(String division) {
        return "H" + division + ThreadLocalRandom.current().nextInt(10000, 99999);
    }

    /** A 二级 hospital designated in Wuwei (凉州区) for 门诊, 住院, 门诊慢特病 and 省内/跨省异地 direct settlement. */
    public static AgreementEvents.Agreement hospital(String code, String status) {
        return new AgreementEvents.Agreement("XY-" + code, code, TestIdentities.randomUnitCode(WUWEI), "凉州区测试医院",
                "MEDICAL_INSTITUTION", WUWEI, LIANGZHOU, "二级",
                List.of(AgreementEvents.OUTPATIENT, AgreementEvents.INPATIENT, AgreementEvents.CHRONIC_DISEASE,
                        AgreementEvents.OFFSITE_SETTLEMENT), List.of("省内异地", "跨省异地"), status,
                LocalDate.now().minusYears(1), LocalDate.now().plusYears(2),
                "SUSPENDED".equals(status) ? LocalDate.now().minusDays(5) : null,
                "SUSPENDED".equals(status) ? LocalDate.now().plusMonths(3) : null,
                "SUSPENDED".equals(status) ? "违规使用医保基金，暂停协议3个月" : null, null, null);
    }

    public static void agreement(AgreementReadModel agreements, AgreementEvents.Agreement a, String type) {
        TestEvents.publish(DesignationTopics.EVENTS, "/jingban/designated-institution", type, a.agreementNumber(), a);
        Eventually.until(WAIT, () -> {
            AgreementEvents.Agreement known = agreements.of(a.institutionCode()).block();
            return known != null && known.status().equals(a.status()) ? known : null;
        });
    }

    /** An 异地就医备案 of the person (参保地 {@code pool}) for {@code destination} from a month ago, without end. */
    public static void filing(OffsiteFilingReadModel filings, String idNumber, String pool, String destination) {
        String number = pool + "-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        TestEvents.publish(OffsiteFilingTopics.EVENTS, "/jingban/offsite-filing", FilingEvents.REGISTERED, number,
                new FilingEvents.Filing(number, idNumber, "备案人", "622036004002", "异地长期居住人员", EMPLOYEE, pool,
                        destination, LocalDate.now().minusMonths(1), null, "ACTIVE", "PROOF", null));
        Eventually.until(WAIT, () -> filings.covers(idNumber, destination, LocalDate.now()).block() ? true : null);
    }

    /** A 门诊慢特病 entitlement of the person for the disease since a month ago. */
    public static void entitlement(EntitlementReadModel entitlements, String idNumber, String pool, String disease,
                                   boolean crossProvince, String institutionCode) {
        String number = pool + "-CD-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        TestEvents.publish(ReimbursementTopics.EVENTS, "/jingban/reimbursement", EntitlementEvents.GRANTED, number,
                new EntitlementEvents.Entitlement(number, "622036005000", idNumber, "慢病人", EMPLOYEE, pool, disease,
                        "高血压", crossProvince, institutionCode, null, LocalDate.now().minusMonths(1), null, "ACTIVE", null));
        Eventually.until(WAIT, () -> entitlements.on(idNumber, disease, LocalDate.now()).hasElements().block() ? true : null);
    }
}
