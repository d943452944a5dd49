package org.jingban.platform.cases.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.Stage;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.persistence.CaseNumberGenerator;
import org.jingban.platform.cases.persistence.CaseRepository;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The kernel against the embedded Mongo-wire store and Kafka broker, wired by its auto-configuration. */
@SpringBootTest(classes = CaseKernelIntegrationTest.App.class, properties = "spring.application.name=cases-it-service")
@WithJingbanInfrastructure(database = "cases-it")
class CaseKernelIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final String TOPIC = "jingban.cases-it.events";
    static final String TRANSFER = "622036003002";
    static final String WUWEI = "620600";
    static final CaseActor CLERK = CaseActor.staff("clerk-it-1", "受理员甲", ActorRole.CLERK, WUWEI);
    static final CaseActor OTHER_CLERK = CaseActor.staff("clerk-it-2", "受理员乙", ActorRole.CLERK, WUWEI);

    @Autowired
    CaseService service;
    @Autowired
    CaseRepository repository;
    @Autowired
    CaseNumberGenerator numbers;
    @Autowired
    Catalog catalog;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate template;

    static SubmitCase transferApplication(String idNumber) {
        return SubmitCase.of(TRANSFER, WUWEI, Channel.PORTAL, Party.person(idNumber, "张三"),
                Map.of("姓名", "张三", "转出地医保(行政)区划代码", "513224"),
                List.of(MaterialStatus.provided("医保电子凭证或有效身份证件或社保卡")));
    }

    @Test
    void a_case_is_stored_with_its_chain_and_its_events_reach_kafka_through_the_outbox() {
        try (EventProbe probe = JingbanInfrastructure.get().probe(TOPIC)) {
            // given an application for 转移接续 in 武威
            Case submitted = service.submit(transferApplication("620602199001010011")).block(TIMEOUT);

            // when the clerk accepts it
            service.accept(submitted.getId(), CLERK).block(TIMEOUT);

            // then the accepted event is on the service's topic, keyed by the case, with the template data
            CloudEventRecord event = probe.awaitEvent(r -> CaseEvents.ACCEPTED.equals(r.type())
                    && submitted.getId().equals(r.subject()), TIMEOUT);
            assertThat(event.key()).isEqualTo(submitted.getId());
            assertThat(event.regionCode()).isEqualTo(WUWEI);
            CaseEventData data = event.data(CaseEventData.class);
            assertThat(data.caseNumber()).isEqualTo(submitted.getCaseNumber()).matches("620600-\\d{8}-\\d{6}");
            assertThat(data.itemName()).isEqualTo(catalog.item(TRANSFER, WUWEI).name());
            assertThat(data.applicant().id()).isEqualTo("620602199001010011");
            assertThat(probe.awaitEvent(r -> CaseEvents.SUBMITTED.equals(r.type())
                    && submitted.getId().equals(r.subject()), TIMEOUT)).isNotNull();

            // and the stored case reads back whole, found by its applicant too
            Case stored = repository.findById(submitted.getId()).block(TIMEOUT);
            assertThat(stored.getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
            assertThat(stored.getStages()).extracting(Stage::name)
                    .containsExactlyElementsOf(catalog.item(TRANSFER, WUWEI).steps());
            assertThat(stored.getDueDate()).isNotNull().isAfter(stored.getAcceptedOn());
            assertThat(stored.getApplicant()).isEqualTo(Party.person("620602199001010011", "张三"));
            assertThat(stored.getForm()).containsEntry("转出地医保(行政)区划代码", "513224");
            // Spring Data stores a nested "id" as "_id": the applicant index is declared on that name
            org.bson.Document raw = template.findById(submitted.getId(), org.bson.Document.class, "cases").block(TIMEOUT);
            assertThat(raw.get("applicant", org.bson.Document.class))
                    .containsEntry(CaseRepository.APPLICANT_ID_FIELD.substring("applicant.".length()), "620602199001010011");
            assertThat(repository.findByApplicant("620602199001010011").map(Case::getId).collectList().block(TIMEOUT))
                    .containsExactly(submitted.getId());
        }
    }

    @Test
    void a_save_over_a_newer_version_is_an_optimistic_lock_conflict() {
        // given one stored case read twice
        String id = service.submit(transferApplication("620602199001010022")).block(TIMEOUT).getId();
        Case first = repository.findById(id).block(TIMEOUT);
        Case second = repository.findById(id).block(TIMEOUT);

        // when both copies change and are saved
        first.accept(CLERK, Instant.now(), calendar).events();
        repository.save(first).block(TIMEOUT);
        second.reject(OTHER_CLERK, List.of(Reason.of("material.missing", "缺少申请材料：《参保凭证》")), Instant.now()).events();

        // then the second save fails and the first one's change stands
        assertThatThrownBy(() -> repository.save(second).block(TIMEOUT))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(repository.findById(id).block(TIMEOUT).getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    @Test
    void two_clerks_accepting_at_once_give_one_acceptance_and_one_refusal() {
        // given a stored case
        String id = service.submit(transferApplication("620602199001010033")).block(TIMEOUT).getId();

        // when two clerks accept it concurrently
        List<Object> results = Flux.merge(
                        service.accept(id, CLERK).subscribeOn(Schedulers.parallel()).cast(Object.class)
                                .onErrorResume(e -> Mono.just(e)),
                        service.accept(id, OTHER_CLERK).subscribeOn(Schedulers.parallel()).cast(Object.class)
                                .onErrorResume(e -> Mono.just(e)))
                .collectList().block(TIMEOUT);

        // then the loser, retried on the fresh case after any version conflict, is told it is already accepted
        assertThat(results).filteredOn(Case.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(CaseRefusedException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((CaseRefusedException) e).reasons()).extracting(Reason::code)
                        .containsExactly("case.wrong-status"));
    }

    @Test
    void case_numbers_generated_concurrently_are_distinct_and_consecutive() {
        // when 20 numbers are taken at once for one region and day
        List<String> taken = Flux.range(0, 20)
                .flatMap(i -> numbers.next("620699", LocalDate.of(2025, 1, 2)).subscribeOn(Schedulers.parallel()), 20)
                .collectList().block(TIMEOUT);

        // then they are 000001 … 000020, each once
        assertThat(taken).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20)
                .mapToObj(n -> "620699-20250102-%06d".formatted(n)).toList());
    }

    @Test
    void an_accepted_case_past_its_due_date_is_listed_and_counted_as_overdue() {
        // given a transfer accepted on 2025-09-26, long past any promised limit
        Instant longAgo = LocalDate.of(2025, 9, 26).atTime(LocalTime.of(10, 0)).atZone(Case.ZONE).toInstant();
        String number = numbers.next("620698", LocalDate.of(2025, 9, 26)).block(TIMEOUT);
        Case old = Case.submit("overdue-case-1", number, catalog.item(TRANSFER, WUWEI),
                transferApplication("620602199001010044").submittedBy(CaseActor.SYSTEM), longAgo);
        old.accept(CLERK, longAgo, calendar).events();
        repository.save(old).block(TIMEOUT);

        // when ops look at overdue cases and the gauge is recounted
        List<String> overdue = service.overdue(WUWEI).map(Case::getId).collectList().block(TIMEOUT);
        Map<String, Long> counts = service.refreshOverdueGauge().block(TIMEOUT);

        // then it is listed, and counted under its item
        assertThat(overdue).containsExactly("overdue-case-1");
        assertThat(counts).containsEntry(TRANSFER, 1L);
    }
}
