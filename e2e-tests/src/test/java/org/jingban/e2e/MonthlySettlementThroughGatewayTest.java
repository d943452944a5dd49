package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.test.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * 主项十 月度结算 through the gateway on the packaged services: a Wuwei resident insured since January (enrollment's person
 * event as enrollment-service publishes it: registered today, the coverage would start this month, and a visit of last
 * month is rightly refused as before the coverage — settlement reads coverage on the visit day), a hospital
 * designated (its agreement published as designated-institution-service's {@code agreement.signed} event, as in
 * SettlementThroughGatewayTest), a bill of last month settled directly, then the month declared from the
 * direct-settlement records (622036010001), staff through 受理—审核—财务复核—负责人审批—拨付, and the case completed by
 * the system with the amount once the (INTERIM simulated) bank booked the payment.
 */
class MonthlySettlementThroughGatewayTest extends E2eTest {

    static final String LIANGZHOU = "620602";

    @Test
    void a_hospital_declares_last_month_and_is_paid_its_direct_settlement_fund_total() {
        String id = newIdNumber(1985);
        YearMonth january = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(1)).withMonth(1);
        PersonEvents.InsuranceView coverage = new PersonEvents.InsuranceView(org.jingban.enrollment.api.InsuranceTypes.RESIDENT_INSURANCE, WUWEI, null, null, "城乡居民",
                "ACTIVE", "参保缴费", List.of(new PersonEvents.Period(january.toString(), null, WUWEI, null, "城乡居民",
                PersonEvents.Period.LOCAL)), 12);
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", PersonEvents.ENROLLED, "p-" + id,
                new PersonEvents.Person("p-" + id, id, "月结人", "增加", WUWEI, List.of(coverage), null));
        String code = "H" + LIANGZHOU + ThreadLocalRandom.current().nextInt(10000, 99999);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth month = YearMonth.from(today).minusMonths(1);
        AgreementEvents.Agreement agreement = new AgreementEvents.Agreement("XY-" + code, code, newUscc(WUWEI),
                "凉州区月结测试医院", "MEDICAL_INSTITUTION", WUWEI, LIANGZHOU, "二级",
                List.of(AgreementEvents.OUTPATIENT, AgreementEvents.INPATIENT), List.of(), "ACTIVE", today.minusYears(1),
                today.plusYears(2), null, null, null, null, null);
        TestEvents.publish(DesignationTopics.EVENTS, "/jingban/designated-institution", AgreementEvents.SIGNED,
                agreement.agreementNumber(), agreement);
        stack.awaitConsumed("settlement-service-designation", DesignationTopics.EVENTS);
        stack.awaitConsumed("settlement-service-enrollment", EnrollmentTopics.EVENTS);

        // 1000.00 on the 10th of last month — 甲类 300, 乙类 500, 丙类 200; EXAMPLE policy, 城乡居民, 二级, first visit:
        // 乙类先行自付 50, eligible 750, (750 − 100 起付线) × 50% = 325.00 from the fund
        String hospital = api.token(Map.of("role", "INSTITUTION", "subject", "inst-" + code, "institution", code));
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", "WWM" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        bill.put("idNumber", id);
        bill.put("visitType", "OUTPATIENT");
        bill.put("visitDate", month.atDay(10).toString());
        bill.put("lines", List.of(
                Map.of("code", "XY001", "name", "阿莫西林胶囊", "category", "甲类", "quantity", "2", "unitPrice", "150.00", "amount", "300.00"),
                Map.of("code", "JC002", "name", "彩色多普勒超声检查", "category", "乙类", "quantity", "1", "unitPrice", "500.00", "amount", "500.00"),
                Map.of("code", "ZF003", "name", "保健品", "category", "丙类", "quantity", "1", "unitPrice", "200.00", "amount", "200.00")));
        Map<String, Object> receipt = eventually("the resident known to settlement-service",
                () -> api.post("/api/v1/settlement/settlements", hospital, bill).expect(201));
        assertThat(receipt).containsEntry("status", "SETTLED").containsEntry("fund", "325.00");

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("结算月份", month.toString());
        form.put("医疗保障基金结算清单数据或就医人员明细信息", "直接结算记录");
        form.put("医药费用月度汇总电子对账表", Map.of("结算笔数", 1, "医疗费用总额", "1000.00", "基金支付总额", "325.00"));
        form.put("收款账户", Map.of("账号", "6222020200112233445", "开户行", "中国工商银行武威分行", "户名", "凉州区月结测试医院"));
        form.put("申请材料", List.of("月度汇总数据表", "医疗收费票据", "医疗保障基金结算清单或就医人员明细表"));
        Map<String, Object> submitted = api.post("/api/v1/settlement/monthly-declarations/medical-institutions", hospital, form)
                .expect(202);
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsEntry("itemCode", "622036010001");
        String number = (String) submitted.get("caseNumber");
        // a second declaration of the month: 不予受理
        Map<String, Object> again = api.post("/api/v1/settlement/monthly-declarations/medical-institutions", hospital, form)
                .expect(422);
        assertThat(Api.maps(again.get("violations"))).extracting(v -> v.get("code")).contains("month-already-declared");

        Map<String, Object> declared = api.get("/api/v1/settlement/monthly-declarations/" + number, hospital).expect(200);
        assertThat(Api.map(declared.get("reconciliation"))).containsEntry("matched", 1).containsEntry("missing", 0);
        assertThat(Api.map(declared.get("statement"))).containsEntry("amountToPay", "325.00");

        String cases = "/api/v1/settlement/cases/" + number;
        api.post(cases + "/accept", api.staff("CLERK", "clerk-m", WUWEI), Map.of()).expect(200);
        api.post(cases + "/advance", api.staff("REVIEWER", "rv-m", WUWEI), Map.of("stage", "审核")).expect(200);
        api.post(cases + "/advance", api.staff("FINANCE", "fin-check-m", WUWEI), Map.of("stage", "财务复核")).expect(200);
        api.post(cases + "/advance", api.staff("DIRECTOR", "dir-m", WUWEI), Map.of("stage", "负责人审批")).expect(200);
        api.post(cases + "/advance", api.staff("FINANCE", "fin-check-m", WUWEI), Map.of("stage", "拨付")).expect(422);
        api.post(cases + "/advance", api.staff("FINANCE", "fin-pay-m", WUWEI), Map.of("stage", "拨付")).expect(200);

        Map<String, Object> done = eventually("paid and completed by the system", () -> {
            Map<String, Object> now = api.get("/api/v1/settlement/monthly-declarations/" + number, hospital).expect(200);
            return "COMPLETED".equals(now.get("status")) ? now : null;
        });
        assertThat(Api.map(done.get("payment"))).containsEntry("amount", "325.00").containsEntry("status", "CONFIRMED");
        assertThat(done).containsEntry("status", "COMPLETED");
        Map<String, Object> view = api.get(cases, api.staff("CLERK", "clerk-m", WUWEI)).expect(200);
        assertThat(Api.map(view.get("details"))).containsEntry("amount", "325.00").containsEntry("month", month.toString());
    }
}
