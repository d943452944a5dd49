package org.jingban.transfer.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.cases.Case;
import org.jingban.platform.money.Money;
import org.jingban.transfer.Offices;
import org.jingban.transfer.enrollment.EnrolledPerson;
import org.jingban.platform.signing.OfficeKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Issues 《参保凭证》 (622036003001): builds 表8 from the enrollment read model, takes the next number of the region and
 * year and seals it. The number is taken by inserting the certificate itself under a unique (region, year, sequence) index
 * — the highest existing sequence + 1, again on a collision — so a number is never skipped (a counter incremented
 * before a failed write would leave a gap) and never given twice.
 */
@Service
public class CertificateService {

    public static final String ITEM_CODE = "622036003001";
    static final String NOTICE = "1.本凭证是根据国家有关规定制发，是参保权益记录重要凭证，请妥善保存。"
            + "2.本凭证如不慎遗失，请与出具此凭证的医疗保障经办机构联系，申请补办";

    private final ReactiveMongoTemplate mongo;
    private final OfficeKeys keys;
    private final Offices offices;
    private final Clock clock;

    public CertificateService(ReactiveMongoTemplate mongo, OfficeKeys keys, Offices offices, Clock clock) {
        this.mongo = mongo;
        this.keys = keys;
        this.offices = offices;
        this.clock = clock;
    }

    /** 凭证号 as printed: (省份)(统筹地区)(年份)(第XXXX号), e.g. 甘肃省武威市2026年第0001号. */
    public String number(String regionCode, int year, long sequence) {
        return offices.documentNumber(regionCode, year, sequence);
    }

    /** The 参保信息 rows of 表8 for the person's insurances in the region (or only the given type). */
    static List<Map<String, Object>> insuranceRows(EnrolledPerson person, String regionCode, String type,
                                                          String regionName) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PersonEvents.InsuranceView i : person.insurancesIn(regionCode)) {
            if (type != null && !type.equals(i.insuranceType())) {
                continue;
            }
            String from = i.periods().stream().map(PersonEvents.Period::from).min(String::compareTo).orElse("");
            boolean open = i.periods().stream().anyMatch(p -> p.to() == null);
            String to = open ? "" : i.periods().stream().map(PersonEvents.Period::to).max(String::compareTo).orElse("");
            Money balance = InsuranceTypes.EMPLOYEE_INSURANCE.equals(i.insuranceType()) ? balance(person) : Money.ZERO;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("基本医疗保险类型", i.insuranceType());
            row.put("参保地", regionName + "（" + regionCode + "）");
            row.put("参保时间起", from);
            row.put("参保时间止", to);
            row.put("其中累计实际缴费月数", paidMonths(person, i, regionCode));
            row.put("个人账户余额(大写)", balance.capitals());
            row.put("个人账户余额(小写)", balance.toString());
            row.put("参保状态", i.statusLabel() == null ? i.status() : i.statusLabel());
            rows.add(row);
        }
        return rows;
    }

    /**
     * 其中累计实际缴费月数 (表8): for 职工医保, the months contributions were actually credited for in this pool, plus the
     * months of the periods transferred in (paid in another pool, 视同 here) — each month once; not the calendar span
     * of the periods, which counts months of 中断 and months not yet paid. 城乡居民医保 contributions are not posted to
     * this system (no personal account): their months are the periods' (stated in the service README).
     */
    static long paidMonths(EnrolledPerson person, PersonEvents.InsuranceView insurance, String regionCode) {
        if (!InsuranceTypes.EMPLOYEE_INSURANCE.equals(insurance.insuranceType())) {
            return insurance.contributionMonths();
        }
        java.util.Set<String> months = new java.util.HashSet<>(person.paidMonthsIn(regionCode));
        for (PersonEvents.Period p : insurance.periods()) {
            if ("转入".equals(p.source()) && p.to() != null) {
                for (java.time.YearMonth m = java.time.YearMonth.parse(p.from()); !m.isAfter(java.time.YearMonth.parse(p.to()));
                     m = m.plusMonths(1)) {
                    months.add(m.toString());
                }
            }
        }
        return months.size();
    }

    /** Whether the certificate's 参保信息 has a row of the scheme. */
    @SuppressWarnings("unchecked")
    public static boolean covers(InsuranceCertificate c, String insuranceType) {
        Object rows = c.content().get("参保信息");
        return rows instanceof List<?> list && list.stream()
                .anyMatch(r -> r instanceof Map<?, ?> m && insuranceType.equals(m.get("基本医疗保险类型")));
    }

    /** The personal-account balance as enrollment-service last posted it (none posted: nothing in it). */
    private static Money balance(EnrolledPerson person) {
        String yuan = person.getBalance();
        return yuan == null || yuan.isBlank() ? Money.ZERO : Money.parse(yuan);
    }

    public Mono<InsuranceCertificate> issue(EnrolledPerson person, String regionCode, String type,
                                            Map<String, Object> applicantInfo) {
        LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
        int year = today.getYear();
        Offices.OfficeInfo office = offices.of(regionCode);
        Map<String, Object> personInfo = new LinkedHashMap<>();
        personInfo.put("参保人员姓名", person.getName());
        personInfo.put("证件类型及号码", Map.of("证件类型", applicantInfo.getOrDefault("证件类型", "居民身份证"),
                "证件号码", person.getIdNumber()));
        personInfo.put("户籍所在地", applicantInfo.getOrDefault("户籍所在地", ""));
        personInfo.put("户籍类型", applicantInfo.getOrDefault("户籍类型", ""));
        Map<String, Object> officeInfo = new LinkedHashMap<>();
        officeInfo.put("机构名称", office.name());
        officeInfo.put("地址", office.address() == null ? "" : office.address());
        officeInfo.put("行政区划代码", regionCode);
        officeInfo.put("邮政编码", office.postalCode() == null ? "" : office.postalCode());
        officeInfo.put("联系人", office.contact() == null ? "" : office.contact());
        officeInfo.put("联系电话", office.phone() == null ? "" : office.phone());
        List<Map<String, Object>> rows = insuranceRows(person, regionCode, type, offices.regionName(regionCode));
        String id = UUID.randomUUID().toString();
        return Mono.defer(() -> nextSequence(regionCode, year).flatMap(sequence -> {
                    Map<String, Object> content = new LinkedHashMap<>();
                    content.put("表", "表8 基本医疗保险参保凭证");
                    content.put("凭证号", number(regionCode, year, sequence));
                    content.put("生成日期", Offices.printedDate(today));
                    content.put("参保人员基本信息", personInfo);
                    content.put("参保信息", rows);
                    content.put("转出地医疗保障经办机构信息", officeInfo);
                    content.put("注意事项", NOTICE);
                    return keys.seal(regionCode, content).flatMap(seal -> mongo.insert(new InsuranceCertificate(id,
                            (String) content.get("凭证号"), regionCode, year, sequence, person.getIdNumber(), content, seal,
                            null, clock.instant())));
                }))
                // another request took the same number first: take the next one. Not WriteConflicts.retry() (20 attempts
                // up to 200 ms): every simultaneous request for the region's numbers collides on the same next number,
                // so n of them need up to n attempts each (50 at once is the tested load); short, jittered waits keep
                // that quick, and a lost optimistic lock cannot happen here (an insert, never an update)
                .retryWhen(Retry.backoff(500, Duration.ofMillis(2)).maxBackoff(Duration.ofMillis(50)).jitter(0.9)
                        .filter(DuplicateKeyException.class::isInstance));
    }

    private Mono<Long> nextSequence(String regionCode, int year) {
        Query last = Query.query(Criteria.where("regionCode").is(regionCode).and("year").is(year))
                .with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
        return mongo.findOne(last, InsuranceCertificate.class).map(c -> c.sequence() + 1).defaultIfEmpty(1L)
                .delayElement(Duration.ofNanos(ThreadLocalRandom.current().nextInt(1000)));
    }

    public Mono<InsuranceCertificate> find(String idOrNumber) {
        return mongo.findById(idOrNumber, InsuranceCertificate.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findOne(Query.query(Criteria.where("number").is(idOrNumber)),
                        InsuranceCertificate.class)));
    }

    public Mono<InsuranceCertificate> attachCase(InsuranceCertificate c, String caseNumber) {
        return mongo.save(c.withCaseNumber(caseNumber));
    }
}
