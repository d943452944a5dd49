package org.jingban.platform.security.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Callers;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.PersonalData;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.test.TestIdentities;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A small service as a Jingban service would write it: records of persons in regions, read and acted on. */
@SpringBootApplication
public class SecuredTestApplication {

    /** A person's record (参保信息) handled by the office of a region. */
    public record PersonRecord(String id, String idNumber, String region, String name) {
        Owner owner() {
            return Owner.person(idNumber, region);
        }
    }

    public static final String WUWEI = "620600";
    public static final String SONGPAN = "513224";
    public static final String ALICE = TestIdentities.idNumber(1);
    public static final String BOB = TestIdentities.idNumber(2);

    static final Map<String, PersonRecord> RECORDS = new ConcurrentHashMap<>(Map.of(
            "r-alice", new PersonRecord("r-alice", ALICE, WUWEI, "张三"),
            "r-bob", new PersonRecord("r-bob", BOB, SONGPAN, "李四")));

    @RestController
    @RequestMapping("/api/v1/test")
    static class RecordHandlers {

        private final AuditTrail audit;

        RecordHandlers(AuditTrail audit) {
            this.audit = audit;
        }

        @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER}, object = Access.ObjectOwner.PATH)
        @GetMapping("/records/{id}")
        Mono<PersonRecord> one(@PathVariable String id, Caller caller) {
            return Mono.justOrEmpty(RECORDS.get(id)).transform(Authorize.visibleTo(caller, PersonRecord::owner));
        }

        /** 受理: a clerk of the record's region only; the person themself gets 403, others 404. */
        @Access(value = {Role.INSURED_PERSON, Role.CLERK}, object = Access.ObjectOwner.PATH)
        @PostMapping("/records/{id}/accept")
        Mono<Map<String, String>> accept(@PathVariable String id, Caller caller) {
            return Mono.justOrEmpty(RECORDS.get(id))
                    .transform(Authorize.actionableBy(caller, PersonRecord::owner, Role.CLERK))
                    .map(r -> Map.of("acceptedBy", caller.subject()));
        }

        @Access(value = Role.OPS, scopes = "records:export")
        @GetMapping("/export")
        Mono<Map<String, Object>> export(Caller caller) {
            return Mono.just(Map.of("count", RECORDS.size(), "by", caller.subject()));
        }

        /** A staff read of a person's record, audited; the full 证件号码 only to its party and its region's staff. */
        @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER}, object = Access.ObjectOwner.PATH)
        @GetMapping("/records/{id}/full")
        Mono<Map<String, String>> full(@PathVariable String id, Caller caller) {
            return Mono.justOrEmpty(RECORDS.get(id))
                    .transform(Authorize.visibleTo(caller, PersonRecord::owner))
                    .transform(audit.reads(caller, "参保信息", PersonRecord::owner, PersonRecord::id))
                    .map(r -> Map.of("idNumber", PersonalData.idNumber(r.idNumber(), PersonalData.fullFor(caller, r.owner()))));
        }

        /** A list: ID numbers always masked. */
        @Access({Role.CLERK, Role.REVIEWER})
        @GetMapping("/records")
        Flux<Map<String, String>> list(Caller caller) {
            return Flux.fromIterable(RECORDS.values())
                    .filter(r -> caller.serves(r.region()))
                    .map(r -> Map.of("id", r.id(), "idNumber", PersonalData.idNumber(r.idNumber())));
        }

        /** 受理 with the decision audited. */
        @Access(value = Role.CLERK, object = Access.ObjectOwner.PATH)
        @PostMapping("/records/{id}/decide")
        Mono<Map<String, String>> decide(@PathVariable String id, Caller caller) {
            return Mono.justOrEmpty(RECORDS.get(id))
                    .transform(Authorize.actionableBy(caller, PersonRecord::owner, Role.CLERK))
                    .flatMap(r -> audit.decision(caller, r.owner(), "参保信息", r.id(), "受理").thenReturn(r))
                    .map(r -> Map.of("outcome", "受理"));
        }

        /** Answers 201, which its API document (200) does not list: the contract check must flag it. */
        @Access(Role.CLERK)
        @PostMapping("/archive")
        Mono<org.springframework.http.ResponseEntity<Map<String, String>>> archive(
                @org.springframework.web.bind.annotation.RequestBody Map<String, String> body) {
            return Mono.just(org.springframework.http.ResponseEntity.status(201).body(Map.of("archived", "yes")));
        }

        /** Forgot its @Access: the authorization matrix must flag it. */
        @GetMapping("/unguarded")
        Mono<Map<String, String>> unguarded() {
            return Mono.just(Map.of("oops", "no roles named"));
        }

        @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION, Role.CLERK, Role.REVIEWER,
                Role.FINANCE, Role.DIRECTOR, Role.OPS, Role.SYSTEM})
        @GetMapping("/me")
        Mono<Caller> me(Caller caller) {
            return Mono.just(caller);
        }
    }

    @Bean
    RouterFunction<ServerResponse> functionalRoutes() {
        return RouterFunctions.route()
                .GET("/api/v1/test/whoami", request -> Callers.current()
                        .flatMap(caller -> ServerResponse.ok().bodyValue(Map.of("subject", caller.subject()))))
                .GET("/api/v1/catalog/ping", request -> ServerResponse.ok().bodyValue(Map.of("public", true)))
                .build();
    }
}
