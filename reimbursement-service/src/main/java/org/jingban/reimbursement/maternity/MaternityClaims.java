package org.jingban.reimbursement.maternity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.reimbursement.claim.Bills;
import org.jingban.reimbursement.claim.Claims;
import org.jingban.reimbursement.claim.InvoiceRegister;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 主项七 生育保险待遇 (622036007001–004) on the item extension point: the form (400, every problem at once) → the
 * insured employee's coverage (职工基本医疗保险, with which 生育保险 is merged, 国办发〔2019〕10号) → the region's item
 * (Songpan has no 产前检查费支付) → 办理条件 (seed 002 §十九–二十二), all at once (422) → the 出生医学证明 by data
 * sharing first → the invoices held (one payment per invoice across 主项六 and 主项七) → the case, with 费用复核 and
 * 拨付; the amount ({@link MaternityAmounts}) is estimated now and paid at 拨付 ({@link MaternityPayments}).
 */
@Service
public class MaternityClaims {

    static final String AMOUNT = "核定金额";
    static final String BIRTH_CERTIFICATE_SOURCE = "出生医学证明来源";
    /** Regions where the unit claims the allowance and is paid it (Songpan: 划入参保单位的银行账户). */
    static final String UNIT_CLAIMS = "单位申领";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final EnrollmentReadModel enrollment;
    private final BirthCertificates births;
    private final InvoiceRegister invoices;
    private final MaternityAmounts amounts;
    private final MaternityProperties properties;
    private final Clock clock;

    public MaternityClaims(Catalog catalog, ItemSubmissions submissions, EnrollmentReadModel enrollment,
                           BirthCertificates births, InvoiceRegister invoices, MaternityAmounts amounts,
                           MaternityProperties properties, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.enrollment = enrollment;
        this.births = births;
        this.invoices = invoices;
        this.amounts = amounts;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Submitted> apply(MaternityKind kind, MaternityForm form, Caller caller) {
        ItemDefinition reference = catalog.items().stream().filter(i -> i.code().equals(kind.itemCode())).findFirst()
                .orElseThrow();
        submissions.validate(form, reference);
        String insuredId = form.insured().number();
        return enrollment.byIdNumber(insuredId)
                .flatMap(p -> Mono.justOrEmpty(p.coverage(InsuranceTypes.EMPLOYEE_INSURANCE)))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable(
                        "未查询到参保职工的职工基本医疗保险（生育保险）参保信息", List.of(new Violation(
                                MaternityForm.SPOUSE.equals(form.category()) ? "参保职工证件类型及号码" : "证件类型及号码",
                                "not-insured", "未查询到职工基本医疗保险（生育保险）参保信息")))))
                .flatMap(coverage -> {
                    String region = coverage.regionCode();
                    ItemDefinition item = catalog.find(kind.itemCode(), region).orElseThrow(() ->
                            ProblemException.unprocessable("参保地" + region + "未开办「" + reference.name() + "」"));
                    submissions.validate(form, item);
                    return births.confirms(form.birthCertificate(), form.id().number())
                            .flatMap(shared -> submit(kind, shared ? withBirthCertificate(form, item) : form, shared,
                                    caller, item, coverage));
                });
    }

    private Mono<Submitted> submit(MaternityKind kind, MaternityForm form, boolean sharedBirthCertificate, Caller caller,
                                   ItemDefinition item, InsuredPerson.Coverage coverage) {
        String region = item.regionCode();
        LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
        List<Reason> checks = new ArrayList<>(conditions(kind, form, coverage, today));
        Optional<Money> amount = amounts.amount(kind, form, region);
        if (amount.isEmpty()) {
            checks.add(Reason.at(kind == MaternityKind.DELIVERY ? "分娩方式" : "手术项目", "no-standard",
                    "参保地未规定该项目的生育保险支付标准：" + String.join("、", amounts.standards(kind, region))));
        }
        String claimId = UUID.randomUUID().toString();
        boolean unitClaims = kind == MaternityKind.ALLOWANCE && properties.unitClaims(region);
        ItemApplication application = ItemApplication.of(item, form, caller)
                .applicant(unitClaims ? Party.employer(form.insuredUnit().uscc(), form.insuredUnit().name())
                        : Party.person(form.id().number(), form.name()))
                .subject(unitClaims ? Party.person(form.id().number(), form.name()) : null)
                .failedChecks(checks)
                .extraStages(Claims.paymentStages(item, false))
                .extraMaterials(form.paysOwnAccount() || unitClaims ? List.of() : List.of("非本人银行账户相关材料（按参保地规定）"))
                .formValue(InvoiceRegister.CLAIM_ID, claimId)
                .formValue(AMOUNT, amount.map(Money::toString).orElse(""))
                .formValue(UNIT_CLAIMS, unitClaims)
                .formValue(BIRTH_CERTIFICATE_SOURCE, sharedBirthCertificate ? "部门数据共享" : "申请人提供或个人承诺")
                .reference("claimId", claimId);
        if (unitClaims) {
            application.actingFor(Party.employer(form.insuredUnit().uscc(), form.insuredUnit().name()));
        }
        Map<String, Object> estimate = new LinkedHashMap<>();
        estimate.put(kind.paysBill() ? "预计报销金额" : "预计金额", amount.map(Money::toString).orElse(null));
        estimate.put("说明", kind.paysBill() ? "按参保地生育保险支付标准核定，实际金额以拨付时核定为准"
                : "生育津贴＝单位上年度职工月平均工资÷" + properties.getDaysPerMonth() + "×" + amounts.days(form) + "天");
        List<String> numbers = kind.paysBill() ? Bills.invoiceNumbers(form.invoices()) : List.of();
        return invoices.hold(claimId, numbers).flatMap(conflicts -> {
            application.failedChecks(conflicts);
            return submissions.submitCase(application)
                    .flatMap(c -> invoices.attach(claimId, c.getCaseNumber()).thenReturn(c))
                    .onErrorResume(e -> invoices.release(claimId).then(Mono.error(e)))
                    .map(c -> Submitted.of(c, null, Map.of("claimId", claimId, "estimate", estimate)));
        });
    }

    /** 办理条件 of seed 002 §十九–二十二, each a reason (一次性告知). */
    List<Reason> conditions(MaternityKind kind, MaternityForm form, InsuredPerson.Coverage coverage, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        boolean unemployed = MaternityForm.UNEMPLOYED_WOMAN.equals(form.category());
        // §十九–二十二: 参保女职工 / 男职工 (and the spouse through him) insured; 领取失业保险金的女职工 while unemployed
        if (!unemployed && !coverage.active()) {
            reasons.add(Reason.at(MaternityForm.SPOUSE.equals(form.category()) ? "参保职工证件类型及号码" : "证件类型及号码",
                    "not-active", kind == MaternityKind.FAMILY_PLANNING || kind == MaternityKind.ALLOWANCE
                            ? "未按时足额缴纳生育保险费（职工基本医疗保险非参保缴费状态）" : "职工基本医疗保险（生育保险）非参保缴费状态"));
        }
        boolean forWoman = kind != MaternityKind.FAMILY_PLANNING;
        if (forWoman && form.id().isResidentId() && !"女".equals(form.id().gender())) {
            reasons.add(Reason.at("证件类型及号码", "not-female", kind.label() + "的待遇享受人应为女职工或男职工未就业配偶"));
        }
        if (MaternityForm.SPOUSE.equals(form.category()) && form.insuredId() != null && form.insuredId().isResidentId()
                && !"男".equals(form.insuredId().gender())) {
            reasons.add(Reason.at("参保职工证件类型及号码", "not-male", "男职工未就业配偶申请的，参保职工应为男职工"));
        }
        if (kind == MaternityKind.ALLOWANCE) {
            // §二十二: 职工本人 (the allowance replaces her wage); claimed within the period after the leave
            if (!MaternityForm.WOMAN.equals(form.category())) {
                reasons.add(Reason.at("申请人类别", "not-eligible", "生育津贴由参保女职工本人（或其单位）申领"));
            }
            LocalDate leaveEnd = LocalDate.parse(form.leaveStart().trim()).plusDays(amounts.days(form) - 1L);
            if (today.isAfter(leaveEnd.plusMonths(properties.getAllowanceClaimMonths()))) {
                reasons.add(Reason.at("产假开始日期", "claim-period-over", "产假结束后" + properties.getAllowanceClaimMonths()
                        + "个月内申领（参保地规定），已超过申领期限"));
            }
        }
        return reasons;
    }

    /** The form with the 出生医学证明 as provided (it came by data sharing). */
    private static MaternityForm withBirthCertificate(MaternityForm f, ItemDefinition item) {
        List<String> materials = new ArrayList<>(f.materials());
        item.materials().stream().map(Material::name).filter(n -> n.contains("出生医学证明")).filter(n -> !materials.contains(n))
                .forEach(materials::add);
        return new MaternityForm(f.name(), f.id(), f.phone(), f.bankAccount(), f.ownAccount(), f.category(),
                f.insuredName(), f.insuredId(), f.insuredUnit(), f.outpatientRecord(), f.institutionName(),
                f.serviceDate(), f.delivery(), f.operation(), f.birthCertificate(), f.invoices(), f.lines(),
                f.unitAverageWage(), f.leaveStart(), f.dystocia(), f.babies(), f.miscarriageMonths(), materials,
                f.promised(), f.channel(), f.delegate());
    }
}
