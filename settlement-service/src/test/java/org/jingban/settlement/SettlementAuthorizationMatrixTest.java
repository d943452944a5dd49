package org.jingban.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.cases.Case;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.settlement.coverage.AgreementReadModel;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of settlement-service's API document through platform/security's matrix (and its hostile-input
 * pass): no token, a wrong role, another institution, staff of another region, the right party. Objects: a hospital's
 * direct settlement, and its monthly declaration (waiting for its CSV) for the declaration and the case endpoints.
 */
@WithJingbanInfrastructure
class SettlementAuthorizationMatrixTest extends AuthorizationMatrixTest {

    @org.springframework.beans.factory.annotation.Autowired
    EnrollmentReadModel persons;
    @org.springframework.beans.factory.annotation.Autowired
    AgreementReadModel agreements;

    @Override
    protected MatrixFixtures fixtures() {
        String code = Given.institutionCode(Given.LIANGZHOU);
        Given.agreement(agreements, Given.hospital(code, "ACTIVE"), AgreementEvents.SIGNED);
        String id = Given.person(persons, "矩阵", Given.EMPLOYEE, Given.WUWEI);
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", "MX" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        bill.put("idNumber", id);
        bill.put("visitType", "OUTPATIENT");
        bill.put("visitDate", LocalDate.now(Case.ZONE).toString());
        bill.put("lines", List.of(Map.of("code", "XY001", "name", "阿莫西林胶囊", "category", "甲类", "quantity", "1",
                "unitPrice", "100.00", "amount", "100.00")));
        JsonNode receipt = post("/api/v1/settlement/settlements", code, bill);
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("结算月份", YearMonth.now(Case.ZONE).minusMonths(1).toString());
        declaration.put("医疗保障基金结算清单数据或就医人员明细信息", "上传明细");
        declaration.put("医药费用月度汇总电子对账表", Map.of("结算笔数", 1, "医疗费用总额", "100.00", "基金支付总额", "50.00"));
        declaration.put("收款账户", Map.of("账号", "6222020200112233445", "开户行", "中国工商银行武威分行", "户名", "凉州区测试医院"));
        declaration.put("申请材料", List.of("月度汇总数据表", "医疗收费票据", "医疗保障基金结算清单或就医人员明细表"));
        JsonNode declared = post("/api/v1/settlement/monthly-declarations/medical-institutions", code, declaration);
        Owner hospital = Owner.institution(code, Given.WUWEI);
        return MatrixFixtures.builder()
                .object("/api/v1/settlement/settlements/{settlementId}", hospital, "settlementId",
                        receipt.get("settlementId").asString())
                .object("/api/v1/settlement/monthly-declarations/{caseNumber}", hospital, "caseNumber",
                        declared.get("caseNumber").asString())
                .object("/api/v1/settlement/cases/{caseNumber}", hospital, "caseNumber",
                        declared.get("caseNumber").asString())
                .build();
    }

    private JsonNode post(String path, String institution, Map<String, Object> body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(TestTokens.institution(institution))).bodyValue(body)
                .exchange().expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
