package org.jingban.enrollment.person;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.employer.Employer;
import org.jingban.enrollment.employer.EmployerService;
import org.jingban.enrollment.shared.Channels;
import org.jingban.enrollment.shared.IdDocument;
import org.jingban.enrollment.shared.ItemSubmissions;
import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.jingban.enrollment.shared.Materials;
import org.jingban.enrollment.shared.Money;
import org.jingban.enrollment.shared.Submitters;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.security.Caller;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * 职工参保登记 (622036001002), 城乡居民参保登记 (622036001003), 职工/城乡居民参保信息变更登记 (622036001005/006):
 * checks, case submission and the change a completed case makes, applied once per case and person.
 */
@Service
public class PersonService {

    public static final String EMPLOYEES = "622036001002";
    public static final String RESIDENTS = "622036001003";
    public static final String EMPLOYEE_CHANGE = "622036001005";
    public static final String RESIDENT_CHANGE = "622036001006";
    private static final Logger log = LoggerFactory.getLogger(PersonService.class);

    private final ReactiveMongoTemplate template;
    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final EmployerService employers;
    private final AccountLedger ledger;
    private final Clock clock;

    public PersonService(ReactiveMongoTemplate template, Catalog catalog, ItemSubmissions submissions,
                         EmployerService employers, AccountLedger ledger, Clock clock) {
        this.template = template;
        this.catalog = catalog;
        this.submissions = submissions;
        this.employers = employers;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Mono<InsuredPerson> find(String personId) {
        return template.findById(personId, InsuredPerson.class);
    }

    public Mono<InsuredPerson> findByIdNumber(String idNumber) {
        return template.findOne(new Query(Criteria.where("idNumber").is(idNumber)), InsuredPerson.class);
    }

    /** Persons with an insurance at the unit (any status), for 参保单位参保信息查询. */
    public Flux<InsuredPerson> staffOf(String unitId) {
        return template.find(new Query(Criteria.where("insurances").elemMatch(Criteria.where("unitId").is(unitId))),
                InsuredPerson.class);
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    private ItemDefinition item(String code, String region) {
        if (region != null && region.matches("\\d{6}")) {
            Optional<ItemDefinition> found = catalog.find(code, region);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return catalog.item(code, catalog.defaultRegion());
    }

    private Map<String, InsuredPerson> byIdNumber(List<InsuredPerson> persons) {
        Map<String, InsuredPerson> map = new LinkedHashMap<>();
        persons.forEach(p -> map.put(p.getIdNumber(), p));
        return map;
    }

    private Mono<Map<String, InsuredPerson>> load(List<String> idNumbers) {
        return template.find(new Query(Criteria.where("idNumber").in(idNumbers)), InsuredPerson.class)
                .collectList().map(this::byIdNumber);
    }

    // ------------------------------------------------------------------ 622036001002 职工参保登记

    public Mono<Submitted> registerEmployees(EmployeeRegistrationForm form, Caller caller) {
        Mono<Optional<Employer>> unit = form.flexible() || form.unit() == null || form.unit().isBlank()
                ? Mono.just(Optional.empty())
                : employers.findByCode(form.unit()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return unit.flatMap(found -> {
            Employer employer = found.orElse(null);
            String region = form.flexible() ? form.regionCode() : employer == null ? null : employer.getRegionCode();
            ItemDefinition item = item(EMPLOYEES, region);
            Violations v = form.validate(item);
            Channel channel = Channels.parse(form.channel(), v);
            if (!form.flexible() && form.unit() != null && !form.unit().isBlank() && employer == null) {
                v.add("统一社会信用代码/单位编码", "unit-not-found", "该单位未办理参保登记，请先办理单位参保登记");
            }
            v.throwIfAny();
            List<String> ids = form.rows().stream().map(r -> r.id().number()).toList();
            return load(ids).flatMap(persons -> {
                List<Violation> failed = new ArrayList<>();
                if (employer != null && employer.getStatus() != Employer.Status.ACTIVE
                        && form.rows().stream().anyMatch(r -> List.of("增加", "恢复", "统筹地区内转移").contains(r.changeType()))) {
                    failed.add(new Violation("统一社会信用代码/单位编码", "unit-not-active",
                            "单位为" + employer.getStatus().label() + "状态，不能为职工办理增加、恢复或转入"));
                }
                for (int i = 0; i < form.rows().size(); i++) {
                    EmployeeRegistrationForm.Row row = form.rows().get(i);
                    String field = "人员明细[" + (i + 1) + "].变更类别";
                    InsuredPerson person = persons.get(row.id().number());
                    if (person == null) {
                        if (!"增加".equals(row.changeType())) {
                            failed.add(new Violation(field, "not-insured", row.name() + "尚未参保，只能办理增加"));
                        }
                    } else {
                        failed.addAll(person.checkEmployeeChange(row.changeType(), Insurance.EMPLOYEE_INSURANCE, region,
                                employer == null ? null : employer.getId(), field));
                    }
                }
                List<MaterialStatus> materials = Materials.statuses(item, m -> employeeMaterialApplies(m, form),
                        List.of(), form.materials(), form.promised());
                EmployeeRegistrationForm.Row first = form.rows().get(0);
                Party applicant = form.flexible() ? Party.person(first.id().number(), first.name())
                        : Party.employer(employer.getUscc(), employer.getName());
                SubmitCase command = new SubmitCase(EMPLOYEES, region, channel, applicant, applicant,
                        form.category(), ItemSubmissions.formMap(form), materials, List.of(), List.of(), Map.of(),
                        Submitters.submitter(caller, applicant, region));
                return submissions.submit(command, failed);
            });
        }).flatMap(c -> c.getStatus() == CaseStatus.COMPLETED
                ? applyEmployees(c).collectList().map(ps -> Submitted.of(c, ps.stream()
                .map(p -> PersonView.of(p, thisMonth(), null)).toList()))
                : Mono.just(Submitted.of(c, null)));
    }

    /** The conditions of 表2's materials (catalog texts), read against the form. */
    static boolean employeeMaterialApplies(Material m, EmployeeRegistrationForm form) {
        String c = m.condition();
        List<EmployeeRegistrationForm.Row> rows = form.rows();
        if (c.contains("均需")) {
            return true;
        }
        if (c.contains("港澳台")) {
            return rows.stream().anyMatch(r -> "港澳台居民".equals(r.identity()));
        }
        if (c.contains("外国人")) {
            return rows.stream().anyMatch(r -> "外国人".equals(r.identity()));
        }
        if (c.contains("出国")) {
            return rows.stream().anyMatch(r -> "终止".equals(r.changeType()) && r.reason() != null && r.reason().contains("出国"));
        }
        if (c.contains("退休")) {
            return rows.stream().anyMatch(r -> "在职转退休".equals(r.changeType()));
        }
        if (c.contains("委托")) {
            return Boolean.TRUE.equals(form.delegated());
        }
        if (c.equals("在职职工")) {
            return !form.flexible();
        }
        if (c.equals("灵活就业人员")) {
            return form.flexible();
        }
        return false;
    }

    /** Applies a completed 622036001002 case: each row to its person, once; opens the personal account on 增加. */
    public Flux<InsuredPerson> applyEmployees(Case c) {
        EmployeeRegistrationForm form = ItemSubmissions.form(c, EmployeeRegistrationForm.class);
        String region = c.getRegionCode();
        Mono<Optional<Employer>> unit = form.flexible() ? Mono.just(Optional.empty())
                : employers.findByCode(form.unit()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return unit.flatMapMany(found -> Flux.fromIterable(form.rows()).concatMap(row -> {
            Employer employer = found.orElse(null);
            String category = form.flexible() ? Insurance.FLEXIBLE : Insurance.IN_SERVICE;
            long wage = Optional.ofNullable(Money.parseFen(row.declaredWage())).orElse(0L);
            return change(row.id(), row.name(), person -> {
                if (person.hasApplied(c.getId(), Insurance.EMPLOYEE_INSURANCE, region)) {
                    return null;
                }
                List<Violation> now = person.checkEmployeeChange(row.changeType(), Insurance.EMPLOYEE_INSURANCE, region,
                        employer == null ? null : employer.getId(), "变更类别");
                if (!now.isEmpty()) {
                    // checked at submission; a concurrent change got there first
                    log.warn("办件 {}: {} 未办理：{}", c.getCaseNumber(), row.changeType(), now.get(0).message());
                    return null;
                }
                person.describe(null, null, row.phone(), null, null, null, null);
                person.applyEmployeeChange(row.changeType(), Insurance.EMPLOYEE_INSURANCE, region,
                        employer == null ? null : employer.getId(), employer == null ? null : employer.getName(),
                        category, wage, thisMonth(), c.getId(), c.getCaseNumber(), clock.instant());
                return person;
            }).flatMap(p -> "增加".equals(row.changeType())
                    ? ledger.open(p.getId(), p.getIdNumber(), p.getName(), region).thenReturn(p) : Mono.just(p));
        }));
    }

    /**
     * Loads (or creates) the person and applies {@code change} in one versioned save, retried on conflict;
     * a change returning null means "nothing to do" and the person is returned as found.
     */
    Mono<InsuredPerson> change(IdDocument id, String name, Function<InsuredPerson, InsuredPerson> change) {
        return Mono.defer(() -> findByIdNumber(id.number())
                        .map(p -> Map.entry(p, false))
                        .defaultIfEmpty(Map.entry(InsuredPerson.create(UUID.randomUUID().toString(), id.type(), id.number(),
                                name, clock.instant()), true))
                        .flatMap(entry -> {
                            InsuredPerson p = entry.getKey();
                            InsuredPerson changed = change.apply(p);
                            if (changed == null) {
                                return entry.getValue() ? Mono.empty() : Mono.just(p);
                            }
                            return entry.getValue() ? template.insert(changed) : template.save(changed);
                        }))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                        .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    // ------------------------------------------------------------------ 622036001003 城乡居民参保登记

    public Mono<Submitted> registerResident(ResidentRegistrationForm form, Caller caller) {
        ItemDefinition item = item(RESIDENTS, form.regionCode());
        Violations v = form.validate(item);
        Channel channel = Channels.parse(form.channel(), v);
        v.throwIfAny();
        if (catalog.find(RESIDENTS, form.regionCode()).isEmpty()) {
            throw ProblemException.unprocessable("参保地区" + form.regionCode() + "未开办城乡居民参保登记");
        }
        return findByIdNumber(form.id().number()).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
            List<Violation> failed = new ArrayList<>(found.map(p -> p.checkEnroll(Insurance.RESIDENT_INSURANCE,
                    form.regionCode(), "证件类型及号码")).orElse(List.of()));
            List<MaterialStatus> materials = Materials.statuses(item, m -> false, List.of(), form.materials(), List.of());
            Party applicant = Party.person(form.id().number(), form.name());
            SubmitCase command = new SubmitCase(RESIDENTS, form.regionCode(), channel, applicant, applicant, null,
                    ItemSubmissions.formMap(form), materials, List.of(), List.of(), Map.of(),
                    Submitters.submitter(caller, applicant, form.regionCode()));
            return submissions.submit(command, failed);
        }).flatMap(c -> c.getStatus() == CaseStatus.COMPLETED
                ? applyResident(c).map(p -> Submitted.of(c, PersonView.of(p, thisMonth(), null)))
                : Mono.just(Submitted.of(c, null)));
    }

    public Mono<InsuredPerson> applyResident(Case c) {
        ResidentRegistrationForm form = ItemSubmissions.form(c, ResidentRegistrationForm.class);
        return change(form.id(), form.name(), person -> {
            if (person.hasApplied(c.getId(), Insurance.RESIDENT_INSURANCE, c.getRegionCode())
                    || !person.checkEnroll(Insurance.RESIDENT_INSURANCE, c.getRegionCode(), "证件类型及号码").isEmpty()) {
                return null;
            }
            person.describe(form.gender(), form.birthDate(), form.phone(), form.householdAddress(), form.mailingAddress(),
                    form.applicantIdentity(), form.subsidyCategory());
            person.applyEmployeeChange("增加", Insurance.RESIDENT_INSURANCE, c.getRegionCode(), null, null,
                    Insurance.RESIDENT, 0, thisMonth(), c.getId(), c.getCaseNumber(), clock.instant());
            return person;
        });
    }

    // ------------------------------------------------------------------ 622036001005 / 006 变更登记

    public Mono<Submitted> changeInformation(PersonChangeForm form, boolean employee, Caller caller) {
        String code = employee ? EMPLOYEE_CHANGE : RESIDENT_CHANGE;
        String type = employee ? Insurance.EMPLOYEE_INSURANCE : Insurance.RESIDENT_INSURANCE;
        new Violations().require("证件类型及号码", form.id() == null ? null : form.id().present()).throwIfAny();
        return findByIdNumber(form.id().number())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未找到该人员的参保信息",
                        List.of(new Violation("证件类型及号码", "not-insured", "未找到该人员的参保信息")))))
                .flatMap(person -> {
                    Insurance insurance = person.getInsurances().stream().filter(i -> i.getInsuranceType().equals(type))
                            .findFirst().orElse(null);
                    if (insurance == null) {
                        throw ProblemException.unprocessable("该人员未参加" + type,
                                List.of(new Violation("证件类型及号码", "not-insured", "该人员未参加" + type)));
                    }
                    String region = insurance.getRegionCode();
                    ItemDefinition item = item(code, region);
                    boolean withoutUnit = insurance.getUnitId() == null;
                    ItemDefinition effective = withoutUnit ? withoutUnitField(item) : item;
                    Violations v = form.validate(effective, employee);
                    Channel channel = Channels.parse(form.channel(), v);
                    v.throwIfAny();
                    List<Violation> failed = new ArrayList<>();
                    for (int i = 0; i < form.rows().size(); i++) {
                        PersonChangeForm.Row row = form.rows().get(i);
                        String current = person.currentValue(row.field());
                        if (!java.util.Objects.equals(blankToNull(current), blankToNull(row.before()))) {
                            failed.add(new Violation("变更明细[" + (i + 1) + "].变更前信息", "before-mismatch",
                                    "「" + row.field() + "」的变更前信息与登记信息不符"));
                        }
                    }
                    Mono<List<Violation>> idTaken = form.rows().stream()
                            .filter(r -> "证件号码".equals(r.field()))
                            .findFirst()
                            .map(r -> findByIdNumber(r.after()).map(other -> List.of(new Violation("变更明细.变更后信息",
                                    "id-number-taken", "新证件号码已被其他参保人员使用"))).defaultIfEmpty(List.of()))
                            .orElse(Mono.just(List.of()));
                    List<MaterialStatus> materials = Materials.statuses(item,
                            m -> form.keyChange() && Materials.mentions(m, "关键信息"), List.of(), form.materials(), List.of());
                    Party applicant = Party.person(person.getIdNumber(), person.getName());
                    // an employer agent may change their employee's information: the submitter check looks at the unit
                    Mono<Party> actingFor = caller.has(org.jingban.platform.security.Role.EMPLOYER_AGENT) && insurance.getUnitId() != null
                            ? employers.find(insurance.getUnitId()).map(u -> Party.employer(u.getUscc(), u.getName()))
                            : Mono.just(applicant);
                    return Mono.zip(idTaken, actingFor).flatMap(t -> {
                        failed.addAll(t.getT1());
                        SubmitCase command = new SubmitCase(code, region, channel, applicant, applicant,
                                null, ItemSubmissions.formMap(form), materials, List.of(), List.of(), Map.of(),
                                Submitters.submitter(caller, t.getT2(), region));
                        return submissions.submit(command, failed);
                    });
                })
                .flatMap(c -> c.getStatus() == CaseStatus.COMPLETED
                        ? applyInformationChange(c).map(p -> Submitted.of(c, PersonView.of(p, thisMonth(), null)))
                        : Mono.just(Submitted.of(c, null)));
    }

    private static ItemDefinition withoutUnitField(ItemDefinition i) {
        return new ItemDefinition(i.code(), i.name(), i.mainItemCode(), i.mainItemName(), i.service(), i.regionCode(),
                i.servedParty(), i.description(), i.conditions(), i.kind(), i.steps(), i.timeLimit(), i.stageLimits(),
                i.riskLevel(), i.requiredFields().stream().filter(f -> !f.equals("统一社会信用代码/单位编码")).toList(),
                i.materials(), i.templates(), i.forms(), i.office(), i.localCode(), i.sources());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Mono<InsuredPerson> applyInformationChange(Case c) {
        PersonChangeForm form = ItemSubmissions.form(c, PersonChangeForm.class);
        return Mono.defer(() -> findByIdNumber(c.getApplicant().id())
                        .switchIfEmpty(Mono.defer(() -> form.rows().stream().filter(r -> "证件号码".equals(r.field()))
                                .findFirst().map(r -> findByIdNumber(r.after())).orElse(Mono.empty())))
                        .flatMap(person -> {
                            if (person.hasApplied(c.getId())) {
                                return Mono.just(person);
                            }
                            String oldId = person.getIdNumber();
                            for (PersonChangeForm.Row row : form.rows()) {
                                person.applyInformationChange(c.getItemCode(), row.field(), row.after(),
                                        PersonChangeForm.KEY_ITEMS.contains(row.field()), c.getCaseNumber(), clock.instant());
                            }
                            person.informationChanged(c.getId(), c.getItemName(), c.getRegionCode(), clock.instant());
                            Mono<InsuredPerson> saved = template.save(person);
                            if (!oldId.equals(person.getIdNumber()) || form.rows().stream().anyMatch(r -> "姓名".equals(r.field()))) {
                                saved = saved.flatMap(p -> ledger.describeHolder(p.getId(), p.getIdNumber(), p.getName()).thenReturn(p));
                            }
                            return saved;
                        }))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                        .filter(e -> e instanceof OptimisticLockingFailureException));
    }

    ReactiveMongoTemplate template() {
        return template;
    }

    Catalog catalog() {
        return catalog;
    }

    ItemSubmissions submissions() {
        return submissions;
    }
}
