package org.jingban.enrollment.employer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jingban.enrollment.shared.Submitters;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.enrollment.shared.Channels;
import org.jingban.enrollment.shared.ItemSubmissions;
import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.jingban.enrollment.shared.Materials;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Stage;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * 单位参保登记 (622036001001, also 联办登记) and 单位参保信息变更登记 (622036001004): checks, case submission, and
 * the change a completed case makes to the register (applied once per case).
 */
@Service
public class EmployerService {

    public static final String REGISTRATION = "622036001001";
    public static final String CHANGE = "622036001004";
    private static final Logger log = LoggerFactory.getLogger(EmployerService.class);

    private final ReactiveMongoTemplate template;
    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final Clock clock;

    public EmployerService(ReactiveMongoTemplate template, Catalog catalog, ItemSubmissions submissions, CaseService cases,
                           Clock clock) {
        this.template = template;
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.clock = clock;
    }

    public Mono<Employer> find(String unitId) {
        return template.findById(unitId, Employer.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("参保单位不存在")));
    }

    /** By 统一社会信用代码 or 单位编码 (the unit id), as 表2/表4/表5 name the unit. */
    public Mono<Employer> findByCode(String code) {
        return template.findOne(new Query(new Criteria().orOperator(Criteria.where("uscc").is(code),
                Criteria.where("_id").is(code))), Employer.class);
    }

    /** The catalog item in the region asked for, or in the default region when that is not valid (to validate). */
    ItemDefinition item(String code, String region) {
        if (region != null && region.matches("\\d{6}")) {
            var found = catalog.find(code, region);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return catalog.item(code, catalog.defaultRegion());
    }

    // ------------------------------------------------------------------ 622036001001

    public Mono<Submitted> register(EmployerRegistrationForm form, Caller caller, boolean joint) {
        ItemDefinition item = item(REGISTRATION, form.regionCode());
        Violations v = form.validate(item);
        Channel channel = joint ? Channel.JOINT : Channels.parse(form.channel(), v);
        v.throwIfAny();
        if (catalog.find(REGISTRATION, form.regionCode()).isEmpty()) {
            throw ProblemException.unprocessable("参保地区" + form.regionCode() + "未开办单位参保登记");
        }
        return findByCode(form.uscc()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .zipWith(RESTRUCTURE(form) ? findByCode(form.formerUscc()).map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty()) : Mono.just(java.util.Optional.<Employer>empty()))
                .flatMap(found -> activeStaff(found.getT1().orElse(null)).flatMap(staff -> {
                    List<Violation> failed = registrationChecks(form, found.getT1().orElse(null), found.getT2().orElse(null), staff);
                    List<String> extra = new ArrayList<>();
                    if (EmployerRegistrationForm.RESTRUCTURE.equals(form.registrationType())) {
                        extra.add(EmployerRegistrationForm.APPROVAL_DOCUMENT);
                    }
                    if (EmployerRegistrationForm.CANCEL.equals(form.registrationType())) {
                        extra.add(EmployerRegistrationForm.CANCELLATION_DOCUMENT);
                    }
                    List<MaterialStatus> materials = joint
                            // 联办: the data come from 市场监管/税务; 实现联办建立登记的企业可不提供 the certificate
                            ? Materials.statuses(item, m -> false, extra, List.of(), List.of()).stream()
                                    .map(m -> MaterialStatus.shared(m.name())).toList()
                            : Materials.statuses(item, m -> false, extra, form.materials(), List.of());
                    Party applicant = Party.employer(form.uscc(), form.name());
                    SubmitCase command = new SubmitCase(REGISTRATION, form.regionCode(), channel, applicant, applicant, null,
                            ItemSubmissions.formMap(form), materials, List.of(), List.of(), java.util.Map.of(),
                            joint ? CaseActors.as(caller, org.jingban.platform.cases.ActorRole.SYSTEM)
                                    : Submitters.submitter(caller, applicant, form.regionCode()));
                    return submissions.submit(command, failed)
                            .flatMap(c -> joint && !c.getStatus().finished() ? completeBySystem(c) : Mono.just(c))
                            .flatMap(c -> c.getStatus() == CaseStatus.COMPLETED
                                    ? applyRegistration(c).map(e -> Submitted.of(c, UnitView.of(e)))
                                    : Mono.just(Submitted.of(c, null)));
                }));
    }

    private static boolean RESTRUCTURE(EmployerRegistrationForm form) {
        return EmployerRegistrationForm.RESTRUCTURE.equals(form.registrationType());
    }

    private List<Violation> registrationChecks(EmployerRegistrationForm form, Employer existing, Employer former, long staff) {
        List<Violation> failed = new ArrayList<>();
        String type = form.registrationType();
        switch (type) {
            case EmployerRegistrationForm.NEW, EmployerRegistrationForm.RESTRUCTURE -> {
                if (existing != null && existing.getStatus() != Employer.Status.CANCELLED) {
                    failed.add(new Violation("统一社会信用代码", "already-registered",
                            "该单位已办理参保登记（" + existing.getStatus().label() + "），不能重复登记"));
                }
                if (RESTRUCTURE(form) && former == null) {
                    failed.add(new Violation("原统一社会信用代码", "unit-not-found", "原单位未办理参保登记"));
                }
            }
            case EmployerRegistrationForm.SUSPEND -> {
                if (existing == null || existing.getStatus() != Employer.Status.ACTIVE) {
                    failed.add(new Violation("统一社会信用代码", "not-active", "只有正常参保的单位才能办理暂停登记"));
                }
            }
            case EmployerRegistrationForm.CANCEL -> {
                if (existing == null || existing.getStatus() == Employer.Status.CANCELLED) {
                    failed.add(new Violation("统一社会信用代码", "not-registered", "该单位没有可注销的参保登记"));
                } else if (staff > 0) {
                    failed.add(new Violation("统一社会信用代码", "staff-still-insured",
                            "单位仍有" + staff + "名职工参保缴费，请先为其办理中断或终止"));
                }
            }
            default -> { }
        }
        return failed;
    }

    private Mono<Long> activeStaff(Employer unit) {
        if (unit == null) {
            return Mono.just(0L);
        }
        return template.count(new Query(Criteria.where("insurances").elemMatch(
                Criteria.where("unitId").is(unit.getId()).and("status").is("ACTIVE"))), "insured_persons");
    }

    /** 联办登记 and other system-checked registrations: the system accepts, reviews and completes at once. */
    private Mono<Case> completeBySystem(Case submitted) {
        Mono<Case> chain = cases.accept(submitted.getId(), CaseActor.SYSTEM);
        for (Stage stage : submitted.getStages()) {
            StageKind kind = stage.kind();
            if (kind != StageKind.APPLICATION && kind != StageKind.ACCEPTANCE && kind != StageKind.COMPLETION) {
                chain = chain.then(cases.advance(submitted.getId(), CaseActor.SYSTEM, stage.name(), "联办数据自动审核"));
            }
        }
        return chain.then(cases.complete(submitted.getId(), CaseActor.SYSTEM, java.util.Map.of()));
    }

    /** Applies a completed 622036001001 case to the register, once. */
    public Mono<Employer> applyRegistration(Case c) {
        EmployerRegistrationForm form = ItemSubmissions.form(c, EmployerRegistrationForm.class);
        return Mono.defer(() -> findByCode(form.uscc())
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(found -> {
                            Employer e = found.orElse(null);
                            if (e != null && e.hasApplied(c.getId())) {
                                return Mono.just(e);
                            }
                            var at = clock.instant();
                            switch (form.registrationType()) {
                                case EmployerRegistrationForm.NEW, EmployerRegistrationForm.RESTRUCTURE -> {
                                    if (e == null) {
                                        return template.insert(Employer.register(UUID.randomUUID().toString(), form,
                                                c.getId(), c.getCaseNumber(), at));
                                    }
                                    if (e.getStatus() == Employer.Status.CANCELLED) {
                                        e.reRegister(form, c.getId(), c.getCaseNumber(), at);
                                    } else {
                                        log.warn("办件 {}: 单位已参保登记，未重复登记", c.getCaseNumber());
                                        return Mono.just(e);
                                    }
                                }
                                case EmployerRegistrationForm.SUSPEND ->
                                        e.changeStatus(Employer.Status.SUSPENDED, form.registrationType(), c.getId(), c.getCaseNumber(), at);
                                case EmployerRegistrationForm.CANCEL ->
                                        e.changeStatus(Employer.Status.CANCELLED, form.registrationType(), c.getId(), c.getCaseNumber(), at);
                                default -> throw new IllegalStateException(form.registrationType());
                            }
                            return template.save(e);
                        }))
                .retryWhen(conflicts());
    }

    // ------------------------------------------------------------------ 622036001004

    public Mono<Submitted> change(EmployerChangeForm form, Caller caller) {
        Violations pre = new Violations().require("统一社会信用代码/单位编码", form.unit());
        pre.throwIfAny();
        return findByCode(form.unit())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该单位未办理参保登记，不能办理信息变更",
                        List.of(new Violation("统一社会信用代码/单位编码", "unit-not-found", "该单位未办理参保登记")))))
                .flatMap(unit -> {
                    ItemDefinition item = item(CHANGE, unit.getRegionCode());
                    Violations v = form.validate(item);
                    Channel channel = Channels.parse(form.channel(), v);
                    v.throwIfAny();
                    var diff = unit.differences(form, null, clock.instant());
                    List<Violation> failed = new ArrayList<>();
                    if (diff.isEmpty()) {
                        failed.add(new Violation("变更事项", "nothing-changed", "填报的信息与登记信息相同，没有需要变更的事项"));
                    }
                    if (unit.getStatus() == Employer.Status.CANCELLED) {
                        failed.add(new Violation("统一社会信用代码/单位编码", "cancelled", "该单位已注销，不能办理信息变更"));
                    }
                    Mono<Boolean> codeTaken = form.newUscc() == null || form.newUscc().isBlank() || form.newUscc().equals(unit.getUscc())
                            ? Mono.just(false) : findByCode(form.newUscc()).hasElement();
                    boolean key = diff.stream().anyMatch(d -> d.key());
                    List<MaterialStatus> materials = Materials.statuses(item,
                            m -> key && Materials.mentions(m, "关键信息"), List.of(), form.materials(), List.of());
                    return codeTaken.flatMap(taken -> {
                        if (taken) {
                            failed.add(new Violation("新统一社会信用代码", "already-registered", "新统一社会信用代码已被其他参保单位使用"));
                        }
                        Party applicant = Party.employer(unit.getUscc(), unit.getName());
                        SubmitCase command = new SubmitCase(CHANGE, unit.getRegionCode(), channel, applicant, applicant,
                                null, ItemSubmissions.formMap(form), materials, List.of(), List.of(), java.util.Map.of(),
                                Submitters.submitter(caller, applicant, unit.getRegionCode()));
                        return submissions.submit(command, failed);
                    }).flatMap(c -> c.getStatus() == CaseStatus.COMPLETED
                            ? applyChange(c).map(e -> Submitted.of(c, UnitView.of(e)))
                            : Mono.just(Submitted.of(c, null)));
                });
    }

    public Mono<Employer> applyChange(Case c) {
        EmployerChangeForm form = ItemSubmissions.form(c, EmployerChangeForm.class);
        return Mono.defer(() -> findByCode(form.unit()).flatMap(e -> {
                    if (e.hasApplied(c.getId())) {
                        return Mono.just(e);
                    }
                    e.applyChange(form, c.getId(), c.getCaseNumber(), clock.instant());
                    return template.save(e);
                }))
                .retryWhen(conflicts());
    }

    static Retry conflicts() {
        return Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
