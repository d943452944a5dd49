package org.jingban.platform.service.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.service.items.ItemsTestApplication.Payouts;
import org.jingban.platform.service.items.ItemsTestApplication.Registrations;
import org.jingban.platform.service.items.ItemsTestApplication.TestForm;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The item extension point on the real store and broker, with 个人账户一次性支取 (622036002003, 申请—受理—审核—拨付—办结,
 * Wuwei 620600) and 城乡居民参保登记 (622036001003, 即时办结): form problems all at once, 不予受理 with every reason
 * and the case stored, 202 while waiting, 201 with the instant item's result, reactions once per event.
 */
@SpringBootTest(classes = ItemsTestApplication.class)
@WithJingbanInfrastructure
class ItemExtensionPointTest {

    static final String WUWEI = "620600";

    @Autowired
    ItemSubmissions submissions;
    @Autowired
    CaseService cases;
    @Autowired
    Catalog catalog;
    @Autowired
    CaseReactions reactions;
    @Autowired
    Payouts payouts;
    @Autowired
    Registrations registrations;
    @Autowired
    ReactiveMongoTemplate mongo;

    static Caller person(String idNumber) {
        return new Caller("p-" + idNumber.substring(14), "张三", Set.of(Role.INSURED_PERSON), Set.of(), idNumber, null,
                null, Set.of(), null);
    }

    static CaseActor staff(String id, ActorRole role) {
        return CaseActor.staff(id, id, role, WUWEI);
    }

    ItemDefinition withdrawal() {
        return catalog.item("622036002003", WUWEI);
    }

    static Map<String, Object> complete(ItemDefinition item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        item.requiredFields().forEach(f -> fields.put(f, "填写"));
        return fields;
    }

    @Test
    void the_form_reports_every_missing_field_and_an_unknown_channel_at_once() {
        TestForm form = new TestForm(Map.of("参保人员姓名", "张三"), List.of(), "快递");
        assertThatThrownBy(() -> submissions.validate(form, withdrawal()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    // 9 required fields in the catalog, 1 filled; plus the channel
                    assertThat(p.violations()).hasSize(8 + 1);
                    assertThat(p.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("渠道"));
                });
    }

    @Test
    void failed_checks_store_the_case_refused_and_answer_422_with_every_reason() {
        String id = TestIdentities.idNumber(201);
        ItemDefinition item = withdrawal();
        TestForm form = new TestForm(complete(item), List.of(), null);
        var application = ItemApplication.of(item, form, person(id))
                .applicant(Party.person(id, "张三"))
                .failedChecks(List.of(Reason.at("支取原因", "still-insured", "该人员仍在参保缴费")))
                .missingMaterialsRefused();

        ProblemException p = (ProblemException) submissions.submit(application)
                .map(Object.class::cast).onErrorResume(e -> Mono.just(e)).block();

        // the check's reason, then the two unconditional materials of the catalog, all in one notice
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.detail()).isEqualTo("不予受理：共3项不符合受理条件，请一次性补齐后重新申请");
        assertThat(p.violations()).extracting(v -> v.field()).containsExactly("支取原因",
                "医保电子凭证或有效身份证件或社保卡", "《职工基本医疗保险个人账户一次性支取申领表》");
        Case stored = cases.findByNumber((String) p.properties().get("caseNumber")).block();
        assertThat(stored.getStatus()).isEqualTo(CaseStatus.REJECTED);
        assertThat(stored.getReasons()).hasSize(3);
    }

    @Test
    void a_complete_application_waits_for_acceptance_with_202_and_materials_from_the_catalog() {
        String id = TestIdentities.idNumber(202);
        ItemDefinition item = withdrawal();
        TestForm form = new TestForm(complete(item), List.of("医保电子凭证或有效身份证件或社保卡"), "窗口");

        Submitted s = submissions.submit(ItemApplication.of(item, form, person(id)).applicant(Party.person(id, "张三")))
                .block();

        assertThat(s.response().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(s.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(s.currentStage()).isEqualTo("受理");
        Case c = cases.find(s.caseId()).block();
        assertThat(c.getChannel().name()).isEqualTo("WINDOW");
        // not instant: the missing 申领表 waits for the clerk's 一次性告知补正 instead of refusing
        assertThat(c.getMaterials()).extracting(MaterialStatus::state)
                .containsExactly(MaterialStatus.State.PROVIDED, MaterialStatus.State.MISSING);
    }

    @Test
    void someone_else_cannot_apply_for_a_person() {
        ItemDefinition item = withdrawal();
        String other = TestIdentities.idNumber(203);
        var application = ItemApplication.of(item, new TestForm(complete(item), List.of(), null),
                person(TestIdentities.idNumber(204))).applicant(Party.person(other, "李四"));
        assertThatThrownBy(() -> submissions.submit(application).block())
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    /** 城乡居民参保登记 (622036001003, 即时办结) with its materials, the given effect applied when 办结. */
    private Submitted registerResident(int person, Function<Case, Mono<?>> effect) {
        String id = TestIdentities.idNumber(person);
        ItemDefinition item = catalog.item("622036001003", WUWEI);
        TestForm form = new TestForm(complete(item), List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"), null);
        return submissions.submit(ItemApplication.of(item, form, person(id)).applicant(Party.person(id, "张三"))
                .whenCompleted(effect)).block();
    }

    @Test
    void an_instant_item_completes_in_the_request_with_its_result_and_201() {
        Submitted s = registerResident(205, c -> Mono.just(Map.of("参保状态", "参保缴费")));

        assertThat(s.response().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(s.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(s.result()).isEqualTo(Map.of("参保状态", "参保缴费"));
        assertThat(s.currentStage()).isNull();
    }

    @Test
    void an_instant_items_effect_applied_in_the_request_is_not_applied_again_from_its_completed_event() {
        // the effect is the item's reaction to 办结, applied in the request
        Submitted s = registerResident(207, registrations::apply);
        assertThat(s.status()).isEqualTo(CaseStatus.COMPLETED);
        long appliedSoFar = registrations.applied.stream().filter(s.caseId()::equals).count();
        assertThat(appliedSoFar).isBetween(1L, 2L);   // 2 only if the consumer won the race against the request's mark

        // the request marked the 办结 event handled: its delivery does not apply the effect again
        Document mark = mongo.findOne(Query.query(Criteria.where("caseId").is(s.caseId())
                .and("type").is(CaseEvents.COMPLETED)), Document.class, "case_reactions_inbox").block();
        assertThat(mark).isNotNull();
        String data = "{\"caseId\":\"" + s.caseId() + "\",\"itemCode\":\"622036001003\"}";
        reactions.dispatch(new ReceivedEvent(mark.getString("_id"), "/jingban/case-test", CaseEvents.COMPLETED,
                s.caseId(), WUWEI, Instant.now(), data)).block();
        assertThat(registrations.applied.stream().filter(s.caseId()::equals).count()).isEqualTo(appliedSoFar);
    }

    @Test
    void inbox_marks_older_than_their_retention_are_deleted_and_newer_ones_kept() {
        // marks of two events handled 31 and 29 days ago (retention 30 days, the default)
        Instant now = Instant.now();
        String old = "mark-old-" + java.util.UUID.randomUUID();
        String recent = "mark-recent-" + java.util.UUID.randomUUID();
        mongo.insert(new Document("_id", old).append("type", CaseEvents.COMPLETED)
                .append("at", java.util.Date.from(now.minus(Duration.ofDays(31)))), "case_reactions_inbox").block();
        mongo.insert(new Document("_id", recent).append("type", CaseEvents.COMPLETED)
                .append("at", java.util.Date.from(now.minus(Duration.ofDays(29)))), "case_reactions_inbox").block();

        assertThat(reactions.expireMarks(now).block()).isGreaterThanOrEqualTo(1L);

        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(old)), "case_reactions_inbox").block()).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(recent)), "case_reactions_inbox").block()).isTrue();
    }

    @Test
    void a_reaction_runs_once_per_event_and_the_system_advances_only_the_current_stage() {
        String id = TestIdentities.idNumber(206);
        ItemDefinition item = withdrawal();
        TestForm form = new TestForm(complete(item), List.of("医保电子凭证或有效身份证件或社保卡",
                "《职工基本医疗保险个人账户一次性支取申领表》"), null);
        String caseId = submissions.submit(ItemApplication.of(item, form, person(id)).applicant(Party.person(id, "张三")))
                .block().caseId();
        cases.accept(caseId, staff("clerk-1", ActorRole.CLERK)).block();
        cases.advance(caseId, staff("reviewer-1", ActorRole.REVIEWER), "审核", "材料合规").block();

        // 拨付 is current: the system completes it once; a second call (a redelivery) and a stale stage change nothing
        Case paid = cases.advanceIfCurrent(caseId, "拨付", "已拨付").block();
        assertThat(paid.currentStageName()).isEqualTo("办结");
        assertThat(cases.advanceIfCurrent(caseId, "拨付", "已拨付").block().getHistory()).hasSize(paid.getHistory().size());
        assertThat(cases.advanceIfCurrent(caseId, "审核", "迟到的事件").block().currentStageName()).isEqualTo("办结");

        String seen = Eventually.until(Duration.ofSeconds(30),
                () -> payouts.paid.stream().filter(p -> p.startsWith(caseId)).findFirst().orElse(null));
        assertThat(payouts.completed).doesNotContain(caseId);

        // the same event again (a redelivery): the inbox knows it, the reaction does not run twice
        String eventId = seen.substring(caseId.length() + 1);
        String data = "{\"caseId\":\"" + caseId + "\",\"itemCode\":\"622036002003\",\"stage\":\"拨付\"}";
        reactions.dispatch(new ReceivedEvent(eventId, "/jingban/case-test", "jingban.case.stage-completed.v1", caseId,
                WUWEI, Instant.now(), data)).block();
        assertThat(payouts.paid.stream().filter(p -> p.startsWith(caseId))).hasSize(1);
        assertThat(reactions.names()).contains("Payouts.pay", "Payouts.done");
    }
}
