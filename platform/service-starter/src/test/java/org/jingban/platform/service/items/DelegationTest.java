package org.jingban.platform.service.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.service.cases.CaseView;
import org.jingban.platform.service.items.ItemsTestApplication.TestForm;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Mono;

/**
 * 委托办理 through the kernel, for any item form: seed 001 (甘肃省清单) row 2, "委托办理的，应提供委托人及代理人身份证件原件及
 * 委托人授权委托书（下同）" — a form that names a 被委托人 ({@link Delegate}) needs that material (the catalog's, conditioned
 * 委托办理的, on every Gansu item from 622036001002 on); the 被委托人 is checked with the form and stored with the case.
 */
@SpringBootTest(classes = ItemsTestApplication.class)
@WithJingbanInfrastructure
class DelegationTest {

    static final String WUWEI = "620600";
    static final String POWER_OF_ATTORNEY = "委托人及代理人身份证件原件及委托人授权委托书";

    @Autowired
    ItemSubmissions submissions;
    @Autowired
    CaseService cases;
    @Autowired
    Catalog catalog;

    static Caller person(String idNumber) {
        return new Caller("p-" + idNumber.substring(14), "张三", Set.of(Role.INSURED_PERSON), Set.of(), idNumber, null,
                null, Set.of(), null);
    }

    static Caller windowClerk() {
        return new Caller("clerk-ww", "窗口受理", Set.of(Role.CLERK), Set.of(), null, null, null, Set.of(WUWEI), null);
    }

    static Delegate delegate(String idNumber) {
        return new Delegate("李四", IdDocument.residentId(idNumber), "13912345678");
    }

    static TestForm form(ItemDefinition item, List<String> materials, String channel, Delegate delegate) {
        return new TestForm(ItemExtensionPointTest.complete(item), materials, channel, delegate);
    }

    @Test
    void without_a_delegate_the_power_of_attorney_is_not_asked_for() {
        ItemDefinition item = catalog.item("622036002003", WUWEI);
        // the catalog lists it for the item, conditioned 委托办理的 (seed 001 row 2, "下同")
        assertThat(item.materials()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo(POWER_OF_ATTORNEY);
            assertThat(m.condition()).isEqualTo("委托办理的");
        });
        String id = TestIdentities.idNumber(301);
        Submitted s = submissions.submit(ItemApplication.of(item, form(item, List.of(), null, null), person(id))
                .applicant(Party.person(id, "张三"))).block();
        assertThat(cases.find(s.caseId()).block().getMaterials()).extracting(MaterialStatus::name)
                .doesNotContain(POWER_OF_ATTORNEY);
    }

    @Test
    void a_delegate_at_the_window_makes_the_power_of_attorney_a_missing_material_for_the_clerks_notice() {
        ItemDefinition item = catalog.item("622036002003", WUWEI); // 承诺件: missing materials wait for 补正
        String id = TestIdentities.idNumber(302);
        String agentId = TestIdentities.idNumber(303);
        TestForm form = form(item, List.of("医保电子凭证或有效身份证件或社保卡", "《职工基本医疗保险个人账户一次性支取申领表》"),
                "窗口", delegate(agentId));

        Submitted s = submissions.submit(ItemApplication.of(item, form, windowClerk()).applicant(Party.person(id, "张三")))
                .block();

        Case c = cases.find(s.caseId()).block();
        assertThat(c.getChannel()).isEqualTo(Channel.WINDOW);
        assertThat(c.getMaterials()).filteredOn(m -> m.name().equals(POWER_OF_ATTORNEY))
                .extracting(MaterialStatus::state).containsExactly(MaterialStatus.State.MISSING);
        // recorded with the case: the staff's case view shows the form's 被委托人 in full, lists and logs masked
        Delegate stored = CaseView.delegateOf(c);
        assertThat(stored.name()).isEqualTo("李四");
        assertThat(stored.id()).isEqualTo(IdDocument.residentId(agentId));
        assertThat(stored.phone()).isEqualTo("13912345678");
        assertThat(stored.masked().id().number()).isEqualTo(agentId.substring(0, 3) + "***********" + agentId.substring(14));
        assertThat(stored.masked().phone()).isEqualTo("139****5678");
        assertThat(stored.masked().name()).isEqualTo("李*");
        assertThat(stored.toString()).doesNotContain(agentId).doesNotContain("13912345678").doesNotContain("李四");
        // the work queue's line tells the clerk it is 委托办理, masked
        assertThat(CaseView.Line.of(c, null).delegate()).isEqualTo(stored.masked());
    }

    @Test
    void a_delegate_on_an_instant_item_is_refused_acceptance_until_the_power_of_attorney_is_provided() {
        ItemDefinition item = catalog.item("622036001003", WUWEI); // 城乡居民参保登记, 即时办结
        String id = TestIdentities.idNumber(304);
        List<String> own = List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》");

        ProblemException p = (ProblemException) submissions.submit(ItemApplication.of(item,
                        form(item, own, null, delegate(TestIdentities.idNumber(305))), person(id))
                        .applicant(Party.person(id, "张三")))
                .map(Object.class::cast).onErrorResume(e -> Mono.just(e)).block();
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.violations()).extracting(v -> v.field()).containsExactly(POWER_OF_ATTORNEY);

        List<String> all = new java.util.ArrayList<>(own);
        all.add(POWER_OF_ATTORNEY);
        Submitted s = submissions.submit(ItemApplication.of(item,
                form(item, all, null, delegate(TestIdentities.idNumber(305))), person(id))
                .applicant(Party.person(id, "张三"))).block();
        assertThat(s.status()).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void every_problem_of_the_delegate_is_told_at_once_with_the_forms_own() {
        ItemDefinition item = catalog.item("622036002003", WUWEI);
        String badCheck = TestIdentities.idNumber(306);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '0' ? '1' : '0');
        TestForm form = new TestForm(Map.of("参保人员姓名", "张三"), List.of(), null,
                new Delegate(" ", new IdDocument("居住证", badCheck), "12345"));

        assertThatThrownBy(() -> submissions.validate(form, item)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.violations()).extracting(v -> v.field()).contains("被委托人.姓名",
                    "被委托人.证件类型及号码.证件号码", "被委托人.联系电话");
            // and the form's own 8 missing fields, in the same notice
            assertThat(p.violations()).hasSize(8 + 3);
        });
        // a passport's number is not a 公民身份号码: any number is taken (seed 001 row 2's 有效身份证件)
        Violations ok = ItemSubmissions.problems(new TestForm(ItemExtensionPointTest.complete(item), List.of(), null,
                new Delegate("Anna Schmidt", new IdDocument("护照", "C12345678"), "0935-2116032")), item);
        assertThat(ok.list()).isEmpty();
    }

    @Test
    void a_person_cannot_be_their_own_delegate() {
        ItemDefinition item = catalog.item("622036002003", WUWEI);
        String id = TestIdentities.idNumber(307);
        var application = ItemApplication.of(item, form(item, List.of(), null, delegate(id)), person(id))
                .applicant(Party.person(id, "张三"));
        assertThatThrownBy(() -> submissions.submit(application).block())
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.violations()).extracting(v -> v.code()).containsExactly("delegate-is-applicant");
                });
    }
}
