package org.jingban.enrollment.local;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.enrollment.CaseEffects;
import org.jingban.enrollment.employer.Employer;
import org.jingban.enrollment.employer.EmployerRegistrationForm.BankAccount;
import org.jingban.enrollment.employer.EmployerService;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.PersonAccess;
import org.jingban.enrollment.shared.Answers;
import org.jingban.enrollment.shared.Channels;
import org.jingban.enrollment.shared.IdDocument;
import org.jingban.enrollment.shared.ItemSubmissions;
import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.jingban.enrollment.shared.Materials;
import org.jingban.enrollment.shared.Money;
import org.jingban.enrollment.shared.Submitters;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seed 003's contribution items (松潘): 灵活就业人员缴纳职工医疗保险费 (即办件, 缴费通知单), 参保单位缴费基数申报
 * (3 个工作日, 核定应缴纳的医保费数额) and 职工基本医疗保险费趸缴 (5 个工作日, 缴费通知单). Each issues one
 * {@link PaymentNotice} when its case completes; rates and the 趸缴 years come from {@link ContributionRates}.
 */
@RestController
@Tag(name = "地方事项")
@EnableConfigurationProperties(ContributionRates.class)
public class ContributionItems implements CaseEffects.ItemEffect {

    public static final String FLEXIBLE = "local:songpan:灵活就业人员缴纳职工医疗保险费";
    public static final String UNIT_BASE = "local:songpan:参保单位缴费基数申报";
    public static final String LUMP_SUM = "local:songpan:职工基本医疗保险费趸缴";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final PersonAccess persons;
    private final EmployerService employers;
    private final ReactiveMongoTemplate template;
    private final ContributionRates rates;
    private final Clock clock;

    public ContributionItems(Catalog catalog, ItemSubmissions submissions, PersonAccess persons, EmployerService employers,
                             ReactiveMongoTemplate template, ContributionRates rates, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.employers = employers;
        this.template = template;
        this.rates = rates;
        this.clock = clock;
    }

    public record FlexibleForm(@JsonProperty("证件类型及号码") IdDocument id, @JsonProperty("缴费基数") String base,
                               @JsonProperty("起始月份") String fromMonth, @JsonProperty("缴费月数") Integer months,
                               @JsonProperty("参保人银行账户信息") BankAccount bankAccount,
                               @JsonProperty("申请材料") List<String> materials, @JsonProperty("渠道") String channel) {
    }

    public record UnitBaseForm(@JsonProperty("统一社会信用代码/单位编码") String unit, @JsonProperty("申报年度") String year,
                               @JsonProperty("人员明细") List<BaseRow> rows, @JsonProperty("申请材料") List<String> materials,
                               @JsonProperty("渠道") String channel) {
    }

    public record BaseRow(@JsonProperty("姓名") String name, @JsonProperty("证件号码") String idNumber,
                          @JsonProperty("缴费基数") String base) {
    }

    public record LumpSumForm(@JsonProperty("证件类型及号码") IdDocument id, @JsonProperty("缴费基数") String base,
                              @JsonProperty("申请材料") List<String> materials, @JsonProperty("承诺替代材料") List<String> promised,
                              @JsonProperty("渠道") String channel) {
    }

    // ------------------------------------------------------------------ 灵活就业人员缴纳职工医疗保险费

    @PostMapping("/api/v1/enrollment/flexible-contributions")
    @Operation(summary = "灵活就业人员缴纳职工医疗保险费（即时办结，出具缴费通知单）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = FLEXIBLE)))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> flexible(@RequestBody FlexibleForm form, Caller caller) {
        Violations v = personFields(form.id(), form.base());
        v.require("起始月份", form.fromMonth()).require("缴费月数", form.months())
                .require("参保人银行账户信息", form.bankAccount());
        if (form.fromMonth() != null && !form.fromMonth().isBlank()) {
            v.check(month(form.fromMonth()) != null, "起始月份", "invalid-month", "起始月份应为yyyy-MM");
        }
        if (form.months() != null) {
            v.check(form.months() >= 1 && form.months() <= 12, "缴费月数", "out-of-range", "缴费月数应在1至12之间");
        }
        Channel channel = Channels.parse(form.channel(), v);
        v.throwIfAny();
        return insuredHere(form.id().number(), FLEXIBLE).flatMap(found -> {
            InsuredPerson person = found.person();
            List<Violation> failed = new ArrayList<>();
            if (found.insurance() == null || found.insurance().getStatus() != Insurance.Status.ACTIVE
                    || !Insurance.FLEXIBLE.equals(found.insurance().getCategory())) {
                failed.add(new Violation("证件类型及号码", "not-flexible-worker", "仅限已办理职工医保参保登记的灵活就业人员"));
            }
            return submit(FLEXIBLE, found.region(), channel, Party.person(person.getIdNumber(), person.getName()),
                    form, form.materials(), List.of(), failed, caller);
        }).flatMap(this::answer);
    }

    // ------------------------------------------------------------------ 参保单位缴费基数申报

    @PostMapping("/api/v1/enrollment/units/contribution-bases")
    @Operation(summary = "参保单位缴费基数申报（核定应缴纳的医保费数额）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = UNIT_BASE)))
    @Access({Role.EMPLOYER_AGENT, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> unitBases(@RequestBody UnitBaseForm form, Caller caller) {
        Violations v = new Violations().require("统一社会信用代码/单位编码", form.unit()).require("申报年度", form.year())
                .require("人员明细", form.rows());
        if (form.year() != null && !form.year().isBlank()) {
            v.check(form.year().matches("\\d{4}"), "申报年度", "invalid-year", "申报年度应为4位年份");
        }
        if (form.rows() != null) {
            for (int i = 0; i < form.rows().size(); i++) {
                BaseRow row = form.rows().get(i);
                String p = "人员明细[" + (i + 1) + "].";
                v.require(p + "姓名", row == null ? null : row.name()).require(p + "证件号码", row == null ? null : row.idNumber())
                        .require(p + "缴费基数", row == null ? null : row.base());
                if (row != null && row.base() != null && !row.base().isBlank()) {
                    Long fen = Money.parseFen(row.base());
                    v.check(fen != null && fen > 0, p + "缴费基数", "invalid-amount", "缴费基数应为大于0且最多两位小数的金额");
                }
            }
        }
        Channel channel = Channels.parse(form.channel(), v);
        v.throwIfAny();
        return employers.findByCode(form.unit())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该单位未办理参保登记",
                        List.of(new Violation("统一社会信用代码/单位编码", "unit-not-found", "该单位未办理参保登记")))))
                .flatMap(unit -> {
                    if (catalog.find(UNIT_BASE, unit.getRegionCode()).isEmpty()) {
                        return Mono.error(ProblemException.unprocessable("参保地未开办「参保单位缴费基数申报」"));
                    }
                    return Flux.fromIterable(form.rows()).concatMap(row -> persons.findByIdNumber(row.idNumber())
                                    .map(Optional::of).defaultIfEmpty(Optional.empty()))
                            .collectList().flatMap(found -> {
                                List<Violation> failed = new ArrayList<>();
                                if (unit.getStatus() != Employer.Status.ACTIVE) {
                                    failed.add(new Violation("统一社会信用代码/单位编码", "unit-not-active", "单位不是正常参保状态"));
                                }
                                for (int i = 0; i < found.size(); i++) {
                                    boolean employed = found.get(i).flatMap(p -> p.insurance(Insurance.EMPLOYEE_INSURANCE, unit.getRegionCode()))
                                            .filter(ins -> ins.getStatus() == Insurance.Status.ACTIVE && unit.getId().equals(ins.getUnitId()))
                                            .isPresent();
                                    if (!employed) {
                                        failed.add(new Violation("人员明细[" + (i + 1) + "].证件号码", "not-employed",
                                                form.rows().get(i).name() + "不是本单位参保缴费的职工"));
                                    }
                                }
                                return submit(UNIT_BASE, unit.getRegionCode(), channel, Party.employer(unit.getUscc(), unit.getName()),
                                        form, form.materials(), List.of(), failed, caller);
                            });
                }).flatMap(this::answer);
    }

    // ------------------------------------------------------------------ 职工基本医疗保险费趸缴

    @PostMapping("/api/v1/enrollment/lump-sum-contributions")
    @Operation(summary = "职工基本医疗保险费趸缴（退休时补足最低缴费年限，出具缴费通知单）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = LUMP_SUM)))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> lumpSum(@RequestBody LumpSumForm form, Caller caller) {
        Violations v = personFields(form.id(), form.base());
        Channel channel = Channels.parse(form.channel(), v);
        v.throwIfAny();
        return insuredHere(form.id().number(), LUMP_SUM).flatMap(found -> {
            InsuredPerson person = found.person();
            List<Violation> failed = new ArrayList<>();
            Insurance ins = found.insurance();
            if (ins == null) {
                failed.add(new Violation("证件类型及号码", "not-insured", "未参加职工基本医疗保险"));
            } else {
                long shortfall = rates.forRegion(found.region()).requiredMonths() - ins.contributionMonths(YearMonth.now(clock));
                if (shortfall <= 0) {
                    failed.add(new Violation("证件类型及号码", "years-complete", "缴费年限已满足，无需趸缴"));
                }
            }
            return submit(LUMP_SUM, found.region(), channel, Party.person(person.getIdNumber(), person.getName()),
                    form, form.materials(), form.promised(), failed, caller);
        }).flatMap(this::answer);
    }

    // ------------------------------------------------------------------ shared

    private record Found(InsuredPerson person, Insurance insurance, String region) {
    }

    private Mono<Found> insuredHere(String idNumber, String item) {
        return persons.findByIdNumber(idNumber)
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未找到该人员的参保信息",
                        List.of(new Violation("证件类型及号码", "not-insured", "未找到该人员的参保信息")))))
                .map(p -> {
                    String region = p.getInsurances().stream().map(Insurance::getRegionCode)
                            .filter(r -> catalog.find(item, r).isPresent()).findFirst()
                            .orElseThrow(() -> ProblemException.unprocessable("参保地未开办「" + item.substring(item.lastIndexOf(':') + 1) + "」"));
                    return new Found(p, p.insurance(Insurance.EMPLOYEE_INSURANCE, region).orElse(null), region);
                });
    }

    private static Violations personFields(IdDocument id, String base) {
        Violations v = new Violations().require("证件类型及号码", id == null ? null : id.present()).require("缴费基数", base);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (base != null && !base.isBlank()) {
            Long fen = Money.parseFen(base);
            v.check(fen != null && fen > 0, "缴费基数", "invalid-amount", "缴费基数应为大于0且最多两位小数的金额");
        }
        return v;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Mono<Case> submit(String item, String region, Channel channel, Party applicant, Object form,
                              List<String> provided, List<String> promised, List<Violation> failed, Caller caller) {
        ItemDefinition definition = catalog.item(item, region);
        SubmitCase command = new SubmitCase(item, region, channel, applicant, applicant, null, ItemSubmissions.formMap(form),
                Materials.statuses(definition, m -> false, List.of(), provided, promised), List.of(), List.of(), Map.of(),
                Submitters.submitter(caller, applicant, region));
        return submissions.submit(command, failed);
    }

    private Mono<ResponseEntity<Submitted>> answer(Case c) {
        return (c.getStatus() == CaseStatus.COMPLETED ? issue(c).map(n -> Submitted.of(c, n))
                : Mono.just(Submitted.of(c, null))).map(Answers::submitted);
    }

    /** Issues the notice of a completed case once (id = case id). */
    Mono<PaymentNotice> issue(Case c) {
        ContributionRates.Rule rule = rates.forRegion(c.getRegionCode());
        Mono<PaymentNotice> notice = switch (c.getItemCode()) {
            case FLEXIBLE -> {
                FlexibleForm form = ItemSubmissions.form(c, FlexibleForm.class);
                yield Mono.just(notice(c, "灵活就业人员缴费", List.of(line(form.id().number(), c.getApplicant().name(),
                        form.base(), form.months(), rule.flexibleRate()))));
            }
            case UNIT_BASE -> {
                UnitBaseForm form = ItemSubmissions.form(c, UnitBaseForm.class);
                BigDecimal rate = rule.unitRate().add(rule.employeeRate());
                yield Flux.fromIterable(form.rows()).concatMap(row -> persons.declareWage(row.idNumber(),
                                Insurance.EMPLOYEE_INSURANCE, c.getRegionCode(), Money.parseFen(row.base()), c.getId())
                                .thenReturn(line(row.idNumber(), row.name(), row.base(), 1, rate)))
                        .collectList().map(lines -> notice(c, "单位月缴费核定（" + form.year() + "年度）", lines));
            }
            case LUMP_SUM -> {
                LumpSumForm form = ItemSubmissions.form(c, LumpSumForm.class);
                yield persons.findByIdNumber(form.id().number()).map(p -> {
                    long done = p.insurance(Insurance.EMPLOYEE_INSURANCE, c.getRegionCode())
                            .map(i -> i.contributionMonths(YearMonth.now(clock))).orElse(0L);
                    int shortfall = (int) Math.max(0, rule.requiredMonths() - done);
                    return notice(c, "趸缴（补足" + shortfall + "个月）", List.of(line(form.id().number(), c.getApplicant().name(),
                            form.base(), shortfall, rule.unitRate().add(rule.employeeRate()))));
                });
            }
            default -> Mono.empty();
        };
        return notice.flatMap(n -> template.insert(n)
                .onErrorResume(DuplicateKeyException.class, e -> template.findById(c.getId(), PaymentNotice.class)));
    }

    private static PaymentNotice.Line line(String idNumber, String name, String base, int months, BigDecimal rate) {
        long fen = Money.share(Money.parseFen(base) * months, rate);
        return new PaymentNotice.Line(org.jingban.platform.identifiers.Masking.idNumber(idNumber), name, base, months,
                rate.toPlainString(), Money.format(fen));
    }

    private PaymentNotice notice(Case c, String kind, List<PaymentNotice.Line> lines) {
        long total = lines.stream().mapToLong(l -> Money.parseFen(l.amount())).sum();
        return PaymentNotice.issue(c.getId(), c.getItemCode(), c.getCaseNumber(), c.getApplicant().name(), c.getRegionCode(),
                kind, lines, Money.format(total), clock.instant());
    }

    @Override
    public boolean handles(String itemCode) {
        return FLEXIBLE.equals(itemCode) || UNIT_BASE.equals(itemCode) || LUMP_SUM.equals(itemCode);
    }

    @Override
    public Mono<?> on(String eventType, CaseEffects.CaseRef event, Case c) {
        return CaseEvents.COMPLETED.equals(eventType) ? issue(c) : Mono.empty();
    }
}
