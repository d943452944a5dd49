package org.jingban.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service promises ops, checked against the real embedded broker and store: it starts, its
 * health (with the liveness and readiness groups and the MongoDB ping) is UP, it exposes Prometheus
 * metrics tagged with its name, and it serves its OpenAPI document with its Chinese title.
 * It also holds the service to the module rules of ARCHITECTURE.md §1: of another service it imports only the
 * published contract (the {@code org.jingban.<area>.api} package of its {@code <area>-service-api} module), and the
 * platform it runs on imports no service's code at all, contracts included.
 * Its domain packages ({@code org.jingban.<area>.<package>}) have no cycles between them.
 * A service's test is one line: {@code class EnrollmentServiceSmokeTest extends ServiceSmokeTest {}}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
public abstract class ServiceSmokeTest {

    /**
     * The root package of every deployable module; a service knows the others only by events and HTTP, through their
     * contracts in {@code <root>.api} ({@link #API_PACKAGE}).
     */
    static final List<String> SERVICE_PACKAGES = List.of("org.jingban.gateway", "org.jingban.enrollment",
            "org.jingban.transfer", "org.jingban.offsitefiling", "org.jingban.reimbursement", "org.jingban.designation",
            "org.jingban.settlement", "org.jingban.notification");

    /** The sub-package of a service's root that its {@code -api} module publishes: {@code org.jingban.enrollment.api}. */
    static final String API_PACKAGE = "api";

    @Autowired
    protected WebTestClient http;

    @Value("${spring.application.name}")
    protected String applicationName;

    @Value("${jingban.service.title}")
    protected String title;

    @Test
    void health_and_its_probe_groups_are_up_with_the_store() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheus_metrics_carry_the_application_name() {
        // the scrape grows with the meters the other tests of this JVM left (one cached context): read it whole
        http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> {
                    if (!body.contains("application=\"" + applicationName + "\"")) {
                        throw new AssertionError("no metric tagged application=\"" + applicationName + "\"");
                    }
                    if (!body.contains("jingban_outbox_pending")) {
                        throw new AssertionError("the outbox relay's lag metric is missing");
                    }
                });
    }

    @Test
    void the_openapi_document_names_the_service_and_asks_no_caller_parameter() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> {
                    if (!String.valueOf(version).startsWith("3.")) {
                        throw new AssertionError("not an OpenAPI 3 document: " + version);
                    }
                })
                .jsonPath("$.info.title").isEqualTo(title);
        // the caller is the bearer token's subject: a client generated from the document must not send it
        http.get().uri("/v3/api-docs").exchange().expectBody(String.class).value(document -> {
            if (document.replace(" ", "").contains("\"name\":\"caller\"")) {
                throw new AssertionError("the API document lists the token's caller as a request parameter");
            }
        });
    }

    @Test
    void the_service_uses_no_other_service_code_and_the_platform_none_at_all() {
        String own = getClass().getPackageName();
        JavaClasses service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(own);
        List<String> others = SERVICE_PACKAGES.stream().filter(p -> !own.startsWith(p)).toList();
        DescribedPredicate<JavaClass> otherServicesCode = resideInAnyPackage(under(others, ""))
                .and(not(resideInAnyPackage(under(others, "." + API_PACKAGE))))
                .as("belong to another service but not to its published contract (<root>.api..)");
        noClasses().should().dependOnClassesThat(otherServicesCode)
                .because("a service knows other services only through their events and HTTP APIs, whose records "
                        + "and names it takes from their -api module")
                .check(service);
        JavaClasses platform = new ClassFileImporter().importPackages("org.jingban.platform");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage(under(SERVICE_PACKAGES, ""))
                .because("platform holds technical mechanisms only, never one service's rules")
                .check(platform);
    }

    @Test
    void the_service_packages_have_no_cycles() {
        String own = getClass().getPackageName();
        JavaClasses service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(own);
        slices().matching(own + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                .because("a service is packaged by domain (the items it serves); a cycle between two packages "
                        + "means one of them is not a domain of its own")
                .check(service);
    }

    /** ArchUnit package patterns: each root (plus {@code sub}) and everything below it. */
    private static String[] under(List<String> roots, String sub) {
        return roots.stream().map(root -> root + sub + "..").toArray(String[]::new);
    }
}
