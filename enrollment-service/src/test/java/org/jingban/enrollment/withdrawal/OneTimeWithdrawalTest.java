package org.jingban.enrollment.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.enrollment.account.AccountEntry;
import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.EntryKind;
import org.jingban.enrollment.account.PersonalAccount;
import org.jingban.enrollment.account.PostEntry;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class OneTimeWithdrawalTest extends EnrollmentTest {

    @Autowired
    InsuredPersons persons;
    @Autowired
    AccountLedger ledger;
    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate template;
    @Autowired
    CaseService cases;
    @Autowired
    WithdrawalPayments payments;

    private InsuredPerson terminatedWithBalance(String idNumber, long fen) {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("李四", idNumber, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        InsuredPerson p = persons.findByIdNumber(idNumber).block(TIMEOUT);
        ledger.post(p.getId(), PostEntry.credit(EntryKind.CONTRIBUTION, fen, "c-" + p.getId(), "202611", null)).block(TIMEOUT);
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("李四", idNumber, "5000.00", "终止"))))
                .exchange().expectStatus().isCreated();
        return p;
    }

    private static Map<String, Object> form(String idNumber, String reason, List<String> materials) {
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("参保人员姓名", "李四");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", idNumber));
        form.put("支取原因", reason);
        form.put("参保单位名称", "武威市测试商贸有限公司");
        form.put("参保人员银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行武威分行"));
        form.put("领取人(继承人、代表人)姓名", "李四");
        form.put("领取人(继承人、代表人)证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", idNumber));
        form.put("与参保人员关系", "本人");
        form.put("领取人(继承人、代表人)联系方式", "13709351234");
        form.put("申请材料", materials);
        return form;
    }

    private void act(String caseNumber, String action, String token, Map<String, Object> body) {
        web.post().uri("/api/v1/enrollment/cases/{n}/{a}", caseNumber, action).headers(h -> h.setBearerAuth(token))
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    @Test
    void giving_up_the_insurance_pays_the_whole_balance_once_at_payment_and_closes_the_account() {
        String id = newIdNumber();
        InsuredPerson p = terminatedWithBalance(id, 2345_67);
        String self = TestTokens.insuredPerson(id);
        List<String> base = List.of("医保电子凭证或有效身份证件或社保卡", "《职工基本医疗保险个人账户一次性支取申领表》");

        // 主动放弃 needs the 情况说明 (表17): the case records it as missing, and the clerk refuses acceptance
        Map<?, ?> incomplete = web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(self))
                .bodyValue(form(id, "主动放弃", base)).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String incompleteCase = (String) incomplete.get("caseNumber");
        web.get().uri("/api/v1/enrollment/cases/{n}", incompleteCase).headers(h -> h.setBearerAuth(TestTokens.clerk("wd-clerk", WUWEI)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.materials[?(@.name == '主动放弃基本医疗保险（关系）的情况说明')].state").isEqualTo("MISSING");
        act(incompleteCase, "reject", TestTokens.clerk("wd-clerk", WUWEI), Map.of("reasons", List.of(Map.of(
                "code", "material.missing", "message", "缺少主动放弃基本医疗保险（关系）的情况说明"))));
        eventually(() -> template.findById((String) incomplete.get("caseId"), Withdrawal.class)
                .filter(w -> w.status() == Withdrawal.Status.CLOSED).block(TIMEOUT));

        List<String> all = new java.util.ArrayList<>(base);
        all.add("主动放弃基本医疗保险（关系）的情况说明");
        Map<?, ?> submitted = web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(self))
                .bodyValue(form(id, "主动放弃", all)).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(submitted.get("itemCode")).isEqualTo("622036002003");
        String caseNumber = (String) submitted.get("caseNumber");

        // a second application while the first is pending is refused
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(self))
                .bodyValue(form(id, "主动放弃", all)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("withdrawal-pending");

        // 申请—受理—审核—拨付—办结 by four different people (较高风险: 岗位分离)
        act(caseNumber, "accept", TestTokens.clerk("wd-clerk", WUWEI), Map.of());
        act(caseNumber, "advance", TestTokens.reviewer("wd-reviewer", WUWEI), Map.of("stage", "审核"));
        assertThat(ledger.find(p.getId()).block(TIMEOUT).getBalanceFen()).isEqualTo(2345_67);
        act(caseNumber, "advance", TestTokens.finance("wd-finance", WUWEI), Map.of("stage", "拨付"));

        PersonalAccount closed = eventually(() -> ledger.findById(p.getId())
                .filter(a -> a.getStatus() == PersonalAccount.Status.CLOSED).block(TIMEOUT));
        assertThat(closed.getBalanceFen()).isZero();
        act(caseNumber, "complete", TestTokens.director("wd-director", WUWEI), Map.of());

        List<AccountEntry> entries = ledger.entries(p.getId()).collectList().block(TIMEOUT);
        // +2345.67 contribution, −2345.67 withdrawal: once, although 拨付 and 办结 both trigger the payment
        assertThat(entries).extracting(AccountEntry::kind).containsExactly(EntryKind.CONTRIBUTION, EntryKind.WITHDRAWAL);
        assertThat(entries.get(1).amountFen()).isEqualTo(-2345_67);

        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(self))
                .bodyValue(form(id, "主动放弃", all)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("account-closed");
    }

    @Test
    void a_malformed_form_is_told_every_problem_at_once_before_anything_is_looked_up() {
        // a 证件号码 with a wrong check digit and 表7's other fields missing: 400 with all of them, not a 422 "not found"
        String wrong = newIdNumber().substring(0, 17) + "Z";
        var problem = web.post().uri("/api/v1/enrollment/withdrawals")
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-w", WUWEI)))
                .bodyValue(Map.of("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", wrong))).exchange()
                .expectStatus().isBadRequest().expectBody(Map.class).returnResult().getResponseBody();
        List<?> violations = (List<?>) problem.get("violations");
        assertThat(violations.stream().map(v -> (String) ((Map<?, ?>) v).get("field")).toList())
                .contains("证件类型及号码.证件号码", "支取原因", "参保人员姓名");
    }

    @Test
    void a_person_still_contributing_cannot_withdraw_and_a_death_claim_needs_the_heirs() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        String id = newIdNumber();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("王五", id, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form(id, "出国(境)定居", List.of("医保电子凭证或有效身份证件或社保卡",
                        "《职工基本医疗保险个人账户一次性支取申领表》"))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("still-insured");
        // 其他 is no way around it: seed 000 §28 "个人账户不得提前支取" (社会保险法第十四条); the relationship must have ended
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form(id, "其他", List.of("医保电子凭证或有效身份证件或社保卡",
                        "《职工基本医疗保险个人账户一次性支取申领表》"))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("still-insured")
                .jsonPath("$.violations[0].message").value(m -> assertThat((String) m).contains("不得提前支取"));
        // 死亡 with 本人 as payee is a contradiction in the form itself
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-w", WUWEI)))
                .bodyValue(form(id, "死亡", List.of())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.violations[0].field").isEqualTo("与参保人员关系");
    }

    @Test
    void the_application_is_its_case_alone_and_pays_the_account_named_at_submission_exactly_once() {
        String id = newIdNumber();
        InsuredPerson p = terminatedWithBalance(id, 1000_00);
        String self = TestTokens.insuredPerson(id);
        List<String> all = List.of("医保电子凭证或有效身份证件或社保卡", "《职工基本医疗保险个人账户一次性支取申领表》",
                "主动放弃基本医疗保险（关系）的情况说明");
        Map<?, ?> submitted = web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(self))
                .bodyValue(form(id, "主动放弃", all)).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String caseId = (String) submitted.get("caseId");
        String caseNumber = (String) submitted.get("caseNumber");

        // the application is one write, its case: nothing else stands for it
        assertThat(template.exists(Query.query(Criteria.where("_id").is(caseId)), Withdrawal.class).block(TIMEOUT)).isFalse();

        // the running case alone keeps a second application out
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(self))
                .bodyValue(form(id, "主动放弃", all)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("withdrawal-pending");

        // the person's 证件号码 changes before 拨付 (a key change, 622036001005): the case named the account at 申请
        String changed = newIdNumber();
        template.updateFirst(Query.query(Criteria.where("_id").is(p.getId())), Update.update("idNumber", changed),
                InsuredPerson.class).block(TIMEOUT);

        act(caseNumber, "accept", TestTokens.clerk("wc-clerk", WUWEI), Map.of());
        act(caseNumber, "advance", TestTokens.reviewer("wc-reviewer", WUWEI), Map.of("stage", "审核"));
        act(caseNumber, "advance", TestTokens.finance("wc-finance", WUWEI), Map.of("stage", "拨付"));

        // 拨付 pays from the case: the account it named, the form's reason
        Withdrawal paid = eventually(() -> template.findById(caseId, Withdrawal.class)
                .filter(w -> w.status() == Withdrawal.Status.PAID).block(TIMEOUT));
        assertThat(paid.accountId()).isEqualTo(p.getId());
        assertThat(paid.paidFen()).isEqualTo(1000_00);
        assertThat(ledger.find(p.getId()).block(TIMEOUT).getStatus()).isEqualTo(PersonalAccount.Status.CLOSED);

        // the 拨付 event delivered again, past the inbox (a crash between the payment and the inbox mark): nothing more
        payments.pay(cases.find(caseId).block(TIMEOUT)).block(TIMEOUT);
        act(caseNumber, "complete", TestTokens.director("wc-director", WUWEI), Map.of());
        eventually(() -> cases.find(caseId).filter(c -> c.getStatus().finished()).block(TIMEOUT));
        payments.payAtCompletion(cases.find(caseId).block(TIMEOUT)).block(TIMEOUT);

        // +1000.00 contribution, −1000.00 withdrawal, once
        List<AccountEntry> entries = ledger.entries(p.getId()).collectList().block(TIMEOUT);
        assertThat(entries).extracting(AccountEntry::kind).containsExactly(EntryKind.CONTRIBUTION, EntryKind.WITHDRAWAL);
        assertThat(entries.get(1).amountFen()).isEqualTo(-1000_00);
        assertThat(entries.get(1).idempotencyKey()).isEqualTo("withdrawal:" + caseId);
    }
}
