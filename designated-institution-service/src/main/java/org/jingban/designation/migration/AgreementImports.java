package org.jingban.designation.migration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jingban.designation.agreement.Agreement;
import org.jingban.designation.agreement.AgreementHandlers;
import org.jingban.designation.agreement.Agreements;
import org.jingban.designation.agreement.InstitutionCodes;
import org.jingban.designation.application.HandlingRegions;
import org.jingban.platform.cases.Case;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 存量定点医药机构导入: the agreements a province signed on paper before going live, imported as ACTIVE agreements that
 * keep their 定点医药机构编码, number, validity, scope and contact (docs/adr/designation.md §13). Checked all or nothing:
 * every problem of every row is named at once (一次性告知) and nothing is stored while any row has one. Stored row by
 * row (no multi-document transaction): a failure while storing (a number taken meanwhile, the store down) answers 409
 * with the earlier rows stored, and a re-run finishes the import without repeating them. Idempotent: a row whose
 * code was imported before with the same 统一社会信用代码 and 协议编号 is reported {@code ALREADY_IMPORTED} and changes
 * nothing (no second agreement, no second event). Each new agreement publishes {@code agreement.signed} with its write,
 * and its code's counter is raised first so that {@link InstitutionCodes#next} never hands that code out.
 */
@Service
public class AgreementImports {

    private static final Logger log = LoggerFactory.getLogger(AgreementImports.class);

    /** Rows one request may carry; a province imports its hundreds of institutions in requests of this size. */
    public static final int MAX_ROWS = 1000;
    /** The scope that admits a system client (a data-migration tool) to the import. */
    public static final String SCOPE = "designation:agreement-import";

    /** What happened to one row. */
    public enum Outcome {
        IMPORTED("已导入"), ALREADY_IMPORTED("此前已导入，未重复导入");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Line(int no, String institutionCode, String agreementNumber, String regionCode, Outcome result,
                       String resultLabel) {
    }

    /** How many rows came, were imported and had been imported before; a line per row, in order. */
    public record Result(int received, int imported, int alreadyImported, List<Line> lines) {
    }

    private final Agreements agreements;
    private final InstitutionCodes codes;
    private final HandlingRegions regions;
    private final AuditTrail audit;
    private final Clock clock;

    public AgreementImports(Agreements agreements, InstitutionCodes codes, HandlingRegions regions, AuditTrail audit,
                            Clock clock) {
        this.agreements = agreements;
        this.codes = codes;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<Result> importAll(List<ExistingAgreement> rows, Caller caller) {
        LocalDate today = agreements.today();
        Violations v = new Violations().require("协议", rows);
        v.throwIfAny();
        v.check(rows.size() <= MAX_ROWS, "协议", "too-many-rows", "每次最多导入" + MAX_ROWS + "条，本次" + rows.size()
                + "条：请分批导入（已导入的不会重复导入）");
        v.throwIfAny();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                v.add(Violation.required(prefix(i) + "协议"));
            } else {
                rows.get(i).validate(v, prefix(i), today);
            }
        }
        duplicates(v, rows, ExistingAgreement::code, "定点医药机构编码");
        duplicates(v, rows, ExistingAgreement::normalisedCreditCode, "统一社会信用代码");
        duplicates(v, rows, ExistingAgreement::normalisedNumber, "协议编号");
        boolean formProblems = !v.isEmpty();
        return Mono.zip(agreements.where("institutionCode", values(rows, ExistingAgreement::code)).collectList(),
                        agreements.where("creditCode", values(rows, ExistingAgreement::normalisedCreditCode)).collectList(),
                        agreements.where("agreementNumber", values(rows, ExistingAgreement::normalisedNumber)).collectList())
                .flatMap(stored -> {
                    Map<Integer, Agreement> already = new HashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i) != null && rows.get(i).code() != null) {
                            against(v, i, rows.get(i), stored.getT1(), stored.getT2(), stored.getT3(), already);
                        }
                    }
                    if (!v.isEmpty()) {
                        List<Violation> all = v.list();
                        throw formProblems ? ProblemException.validation(all)
                                : ProblemException.unprocessable("导入不成功：共" + all.size() + "项问题，本次均未导入", all);
                    }
                    return Flux.range(0, rows.size())
                            .concatMap(i -> already.containsKey(i)
                                    ? Mono.just(line(i, already.get(i), Outcome.ALREADY_IMPORTED))
                                    : store(rows.get(i), caller).map(a -> line(i, a, Outcome.IMPORTED)))
                            .collectList()
                            .map(lines -> {
                                int imported = (int) lines.stream().filter(l -> l.result() == Outcome.IMPORTED).count();
                                log.info("导入上线前已签订的医保协议：{}条，新导入{}条，此前已导入{}条（{}）", rows.size(), imported,
                                        rows.size() - imported, caller.subject());
                                return new Result(rows.size(), imported, rows.size() - imported, lines);
                            });
                });
    }

    /** The row against what is stored: its code, its institution and its number must not be another agreement's. */
    private static void against(Violations v, int i, ExistingAgreement row, List<Agreement> byCode,
                                List<Agreement> byCredit, List<Agreement> byNumber, Map<Integer, Agreement> already) {
        String code = row.code();
        String p = prefix(i);
        List<Agreement> sameCode = byCode.stream().filter(a -> code.equals(a.getInstitutionCode())).toList();
        Agreement imported = sameCode.stream().filter(Agreement::isImported).findFirst().orElse(null);
        if (imported != null) {
            if (imported.getCreditCode().equals(row.normalisedCreditCode())
                    && imported.getAgreementNumber().equals(row.normalisedNumber())) {
                already.put(i, imported);
            } else {
                v.add(p + "定点医药机构编码", "already-imported", "定点医药机构编码" + code + "已于"
                        + LocalDate.ofInstant(imported.getSignedAt(), Case.ZONE) + "导入（协议编号"
                        + imported.getAgreementNumber() + "），与本条的统一社会信用代码或协议编号不一致；导入后的变更请办理定点医药机构信息变更");
            }
        } else if (!sameCode.isEmpty()) {
            v.add(p + "定点医药机构编码", "code-in-use", "定点医药机构编码" + code + "已由本系统签订的医保协议（协议编号"
                    + sameCode.get(0).getAgreementNumber() + "）使用");
        }
        byCredit.stream().filter(a -> a.getCreditCode().equals(row.normalisedCreditCode()))
                .filter(a -> !code.equals(a.getInstitutionCode()) && a.getStatus() != Agreement.Status.TERMINATED)
                .findFirst().ifPresent(a -> v.add(p + "统一社会信用代码", "already-designated", "该机构已是定点医药机构（编码"
                        + a.getInstitutionCode() + "，协议状态：" + a.getStatus().label() + "）"));
        byNumber.stream().filter(a -> a.getAgreementNumber().equals(row.normalisedNumber()))
                .filter(a -> !(a.isImported() && code.equals(a.getInstitutionCode())))
                .findFirst().ifPresent(a -> v.add(p + "协议编号", "agreement-number-in-use", "协议编号" + a.getAgreementNumber()
                        + "已是定点医药机构" + a.getInstitutionCode() + "的医保协议编号"));
    }

    private Mono<Agreement> store(ExistingAgreement row, Caller caller) {
        String code = row.code();
        Agreement agreement = Agreement.imported(row.normalisedNumber(), code, row.kind(), regions.of(row.division()),
                row.institution(), row.scopeValues(), row.offsite(), LocalDate.parse(row.validFrom().strip()),
                LocalDate.parse(row.validUntil().strip()), caller.subject(), clock.instant());
        // the counter first: from now on no signing is given this code
        return codes.reserve(code)
                .then(agreements.insertOnce(agreement))
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict("协议编号" + row.normalisedNumber()
                        + "在导入时已被占用：此前各条已导入，请核对后重新导入（已导入的不会重复导入）"))
                // an import running at the same moment stored this code first: the same row, or a conflict
                .flatMap(saved -> saved.getAgreementNumber().equals(agreement.getAgreementNumber())
                        && java.util.Objects.equals(saved.getCreditCode(), agreement.getCreditCode()) ? Mono.just(saved)
                        : Mono.error(ProblemException.conflict("定点医药机构编码" + code + "在导入时已由另一份协议（"
                        + saved.getAgreementNumber() + "）导入：此前各条已导入，请核对后重新导入")))
                .flatMap(saved -> audit.decision(caller, AgreementHandlers.owner(saved), "医保协议", code,
                        "导入上线前已签订的医保协议").thenReturn(saved));
    }

    private static Line line(int i, Agreement a, Outcome outcome) {
        return new Line(i + 1, a.getInstitutionCode(), a.getAgreementNumber(), a.getRegionCode(), outcome, outcome.label());
    }

    private static String prefix(int i) {
        return "协议[" + (i + 1) + "].";
    }

    /** Every row whose value another row has too, named with the first row that has it. */
    private static void duplicates(Violations v, List<ExistingAgreement> rows, Function<ExistingAgreement, String> value,
                                   String field) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String x = rows.get(i) == null ? null : value.apply(rows.get(i));
            if (x == null) {
                continue;
            }
            Integer seen = first.putIfAbsent(x, i);
            if (seen != null) {
                v.add(prefix(i) + field, "duplicate", field + x + "与第" + (seen + 1) + "条重复");
            }
        }
    }

    private static Set<String> values(List<ExistingAgreement> rows, Function<ExistingAgreement, String> value) {
        Set<String> s = new LinkedHashSet<>();
        rows.stream().filter(Objects::nonNull).map(value).filter(Objects::nonNull).forEach(s::add);
        return s;
    }
}
