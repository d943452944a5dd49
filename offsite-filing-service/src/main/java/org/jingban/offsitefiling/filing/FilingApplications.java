package org.jingban.offsitefiling.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.Party;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 异地就医备案 of every kind (622036004001–004, 其他临时外出就医人员备案, Songpan's 急诊、抢救住院登记备案) on the item
 * extension point: 表11 → the 参保地 from enrollment's events → the region's item → form problems (400) → 办理条件
 * ({@link FilingRules}) → the case, which completes in the request where the catalog makes the item 即办件, and the
 * filing it makes ({@link #register}, also on the case's 办结 when staff complete it).
 */
@Service
public class FilingApplications {

    /** Case form values the service adds (what the filing is made from, fixed when applied). */
    static final String REGION = "参保地";
    static final String INSURANCE = "参保险种名称";
    public static final String VALID_FROM = "备案有效期起";
    public static final String VALID_UNTIL = "备案有效期止";
    static final String REPLACES = "变更的备案";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final EnrollmentReadModel enrollment;
    private final Filings filings;
    private final FilingProperties properties;
    private final Clock clock;

    public FilingApplications(Catalog catalog, ItemSubmissions submissions, EnrollmentReadModel enrollment,
                              Filings filings, FilingProperties properties, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.enrollment = enrollment;
        this.filings = filings;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Submitted> apply(FilingKind kind, FilingForm form, Caller caller) {
        // before the 参保地 is known: the form against the item as the catalog first defines it (every problem at once)
        ItemDefinition reference = catalog.items().stream().filter(i -> i.code().equals(kind.itemCode())).findFirst()
                .orElseThrow();
        submissions.validate(form, reference);
        String idNumber = form.id().number();
        return enrollment.byIdNumber(idNumber)
                .flatMap(p -> Mono.justOrEmpty(p.coverage(form.insuranceTypeName())))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未查询到该人员的" + form.insuranceTypeName()
                        + "参保信息，参保人员方可办理异地就医备案", List.of(new Violation("证件类型及号码", "not-insured",
                        "未查询到该人员的" + form.insuranceTypeName() + "参保信息")))))
                .flatMap(coverage -> apply(kind, form, caller, coverage));
    }

    /**
     * The 备案 of a person whose coverage of the form's 险种 the caller has already read (the 一件事 reads it once for
     * every part): the form is checked against the item of the 参保地, then as {@link #apply(FilingKind, FilingForm,
     * Caller)}.
     */
    public Mono<Submitted> apply(FilingKind kind, FilingForm form, Caller caller, InsuredPerson.Coverage coverage) {
        String idNumber = form.id().number();
        String region = coverage.regionCode();
        ItemDefinition item = catalog.find(kind.itemCode(), region).orElseThrow(() -> ProblemException.unprocessable(
                "参保地" + region + "未开办「" + catalog.items().stream().filter(i -> i.code().equals(kind.itemCode()))
                        .findFirst().map(ItemDefinition::name).orElse(kind.itemCode()) + "」"));
        submissions.validate(form, item);
        return filings.ofPerson(idNumber).collectList().flatMap(existing -> {
                        LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
                        FilingRules.Decision d = FilingRules.decide(kind, form, item, coverage, existing,
                                properties.policy(kind, region), today);
                        return submissions.submit(ItemApplication.of(item, form, caller)
                                .applicant(Party.person(idNumber, form.name()))
                                .failedChecks(d.reasons())
                                .formValue(REGION, region)
                                .formValue(INSURANCE, coverage.insuranceType())
                                .formValue(VALID_FROM, String.valueOf(d.validFrom()))
                                .formValue(VALID_UNTIL, d.validUntil() == null ? "" : d.validUntil().toString())
                                .formValue(REPLACES, d.replaced() == null ? "" : d.replaced().getFilingNumber())
                                .details(validity(d.validFrom(), d.validUntil()))
                                .whenCompleted(c -> register(c).map(FilingView::of)));
        });
    }

    /** 备案有效期 for the 已完成 message (notification-service reads validFrom/validUntil or validity). */
    static Map<String, Object> validity(LocalDate from, LocalDate until) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (until == null) {
            details.put("validity", from.format(DATE) + "起长期有效（至取消备案）");
        } else {
            details.put("validFrom", from.toString());
            details.put("validUntil", until.toString());
        }
        return details;
    }

    /**
     * The filing a completed case makes, once (its id is the case's): in the request for an instant item, on the
     * case's 办结 for one completed by staff. A 变更 then marks the filing it replaces.
     */
    @CaseReaction(item = {"622036004001", "622036004002", "622036004003", "622036004004",
            "national:其他临时外出就医人员备案", "local:songpan:异地急诊、抢救住院登记备案"}, on = CaseEvents.COMPLETED)
    public Mono<Filing> register(Case c) {
        FilingForm form = ItemSubmissions.form(c, FilingForm.class);
        Map<String, Object> values = c.getForm();
        FilingKind kind = FilingKind.ofItem(c.getItemCode()).orElseThrow();
        String until = (String) values.get(VALID_UNTIL);
        String replaces = (String) values.get(REPLACES);
        Filing.Promise promise = form.promised().isEmpty() ? null : new Filing.Promise(form.promised(),
                c.getSubmittedAt(), c.getSubmittedOn().plus(properties.getPromiseRetention()));
        Filing.Terms terms = new Filing.Terms(form.id().number(), form.name(), kind, (String) values.get(INSURANCE),
                c.getRegionCode(), form.destination(), null, form.phone(), form.insuredAddress(), form.offsiteAddress(),
                form.referralAddress(), form.referringInstitution(), LocalDate.parse((String) values.get(VALID_FROM)),
                until == null || until.isEmpty() ? null : LocalDate.parse(until), promise,
                replaces == null || replaces.isEmpty() ? null : replaces);
        return filings.registerOnce(Filing.register(c.getId(), c.getCaseNumber(), terms, clock.instant()));
    }
}
