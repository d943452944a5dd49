package org.jingban.enrollment.person;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.enrollment.shared.ChangeRecord;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 参保人员: one document per person (证件号码 unique) with every insurance they hold, in any 统筹区 and 险种. Being one
 * document, two concurrent enrollments of the same person meet on {@code @Version}, and the rule "not insured twice
 * in the same pool and type at the same time" is checked again on the fresh copy. Rules answer with the kernel's
 * {@link Reason}s (the field they concern included); changes enqueue the person events they cause.
 */
@Document("insured_persons")
public class InsuredPerson extends AggregateDocument {

    /** 表6's 变更项目 for 中止 / 终止 of the resident insurance (its 变更前信息 is the status label, 参保缴费). */
    public static final String COVERAGE_STATUS = "参保状态";

    /** 关系转移接续 (transfer-service's item), named in the change records of the transfer hooks. */
    private static final String TRANSFER_ITEM = "622036003002";

    @Indexed(unique = true)
    private String idNumber;
    private String idType;
    private String name;
    private String gender;
    private String birthDate;
    private String phone;
    private String householdAddress;
    private String mailingAddress;
    private String applicantIdentity;
    private String subsidyCategory;
    private List<Insurance> insurances = new ArrayList<>();
    private List<ChangeRecord> changes = new ArrayList<>();
    private Instant createdAt;

    InsuredPerson() {
    }

    static InsuredPerson create(String id, String idType, String idNumber, String name, Instant at) {
        InsuredPerson p = new InsuredPerson();
        p.id = id;
        p.idType = idType;
        p.idNumber = idNumber;
        p.name = name;
        p.createdAt = at;
        return p;
    }

    void describe(String gender, String birthDate, String phone, String householdAddress, String mailingAddress,
                  String applicantIdentity, String subsidyCategory) {
        if (gender != null) this.gender = gender;
        if (birthDate != null) this.birthDate = birthDate;
        if (phone != null) this.phone = phone;
        if (householdAddress != null) this.householdAddress = householdAddress;
        if (mailingAddress != null) this.mailingAddress = mailingAddress;
        if (applicantIdentity != null) this.applicantIdentity = applicantIdentity;
        if (subsidyCategory != null) this.subsidyCategory = subsidyCategory;
    }

    public Optional<Insurance> insurance(String type, String region) {
        return insurances.stream().filter(i -> i.is(type, region)).findFirst();
    }

    public Optional<Insurance> activeInsurance(String type, String region) {
        return insurance(type, region).filter(i -> i.getStatus() == Insurance.Status.ACTIVE);
    }

    /** 不能重复参保: not insured in the same 统筹区 and 险种 while an insurance there is active or being transferred. */
    public List<Reason> checkEnroll(String type, String region, String field) {
        return insurance(type, region)
                .filter(i -> i.getStatus() == Insurance.Status.ACTIVE || i.getStatus() == Insurance.Status.SUSPENDED)
                .map(i -> List.of(Reason.at(field, "already-insured", "%s已在%s参加%s（%s），不能重复参保"
                        .formatted(name, region, type, i.getStatus().label()))))
                .orElse(List.of());
    }

    /**
     * 重复参保 across pools and schemes, as seed 002 says who may apply: 职工医保 as a 灵活就业人员 only for people
     * "未在用人单位参加基本医疗保险的" (§二(五)), 城乡居民医保 only for people "未参加职工医保或其他医疗保障制度的"
     * (§三(五)). Each coverage in another pool or scheme that rules the enrollment out is one reason naming its region,
     * scheme and since when (the same pool and scheme is {@link #checkEnroll}'s). A coverage that is 中断, 中止 for a
     * transfer, 终止 or 转出 does not count: the person is no longer insured by it.
     */
    public List<Reason> checkNoOtherCoverage(String type, String region, PersonCategory category, String field) {
        List<Reason> reasons = new ArrayList<>();
        for (Insurance other : insurances) {
            if (other.getStatus() != Insurance.Status.ACTIVE || other.is(type, region)) {
                continue;
            }
            boolean employeeCover = Insurance.EMPLOYEE_INSURANCE.equals(other.getInsuranceType());
            String where = "%s已于%s起在%s参加%s（%s%s）".formatted(name, other.since(), regionName(other.getRegionCode()),
                    other.getInsuranceType(), other.getCategory() == null ? "" : other.getCategory().label() + "，",
                    other.getUnitName() == null ? "参保缴费" : other.getUnitName());
            if (Insurance.RESIDENT_INSURANCE.equals(type)) {
                reasons.add(Reason.at(field, employeeCover ? "has-employee-insurance" : "already-insured-elsewhere",
                        where + "，城乡居民基本医疗保险参保登记仅适用于未参加职工医保或其他医疗保障制度的城乡居民"
                                + (employeeCover ? "" : "，不能重复参保；如需在本地参保，请先在原参保地办理中止或终止参保")));
            } else if (category == PersonCategory.FLEXIBLE && employeeCover && other.getUnitId() != null) {
                reasons.add(Reason.at(field, "insured-through-unit", where
                        + "，以灵活就业人员身份参保登记仅适用于未在用人单位参加基本医疗保险的人员"));
            } else if (category == PersonCategory.FLEXIBLE) {
                reasons.add(Reason.at(field, "already-insured-elsewhere", where
                        + "，不能重复参保；如需在本地参保，请先在原参保地办理中断或转移接续"));
            }
        }
        return reasons;
    }

    /** Every reason an enrollment (增加) in this pool and scheme is 重复参保: {@link #checkEnroll} and {@link #checkNoOtherCoverage}. */
    public List<Reason> checkNewEnrollment(String type, String region, PersonCategory category, String field) {
        List<Reason> reasons = new ArrayList<>(checkEnroll(type, region, field));
        reasons.addAll(checkNoOtherCoverage(type, region, category, field));
        return reasons;
    }

    private static String regionName(String code) {
        return Divisions.name(code).map(n -> n + "（" + code + "）").orElse(code);
    }

    /**
     * The rules of a 变更类别 of 表2 for this person, unit and pool: every reason it cannot be done (empty: it can).
     */
    public List<Reason> checkEmployeeChange(ChangeType changeType, String type, String region, String unitId, String field) {
        Optional<Insurance> found = insurance(type, region);
        Insurance.Status status = found.map(Insurance::getStatus).orElse(null);
        List<Reason> reasons = new ArrayList<>();
        switch (changeType) {
            case ADD -> reasons.addAll(checkEnroll(type, region, field));
            case INTERRUPT -> {
                if (status != Insurance.Status.ACTIVE) {
                    reasons.add(Reason.at(field, "not-active", name + "不是参保缴费状态，不能中断"));
                } else if (unitId != null && !unitId.equals(found.get().getUnitId())) {
                    reasons.add(Reason.at(field, "other-unit", name + "不在本单位参保，不能由本单位办理中断"));
                }
            }
            case TERMINATE -> {
                if (status != Insurance.Status.ACTIVE && status != Insurance.Status.INTERRUPTED) {
                    reasons.add(Reason.at(field, "not-insured", name + "没有可终止的参保记录"));
                } else if (unitId != null && found.get().getUnitId() != null && !unitId.equals(found.get().getUnitId())) {
                    reasons.add(Reason.at(field, "other-unit", name + "不在本单位参保，不能由本单位办理终止"));
                }
            }
            case RESUME -> {
                if (status != Insurance.Status.INTERRUPTED) {
                    reasons.add(Reason.at(field, "not-interrupted", name + "不是中断状态，不能恢复"));
                }
            }
            case RETIRE -> {
                if (status != Insurance.Status.ACTIVE) {
                    reasons.add(Reason.at(field, "not-active", name + "不是参保缴费状态，不能办理在职转退休"));
                } else if (found.get().getCategory() == PersonCategory.RETIRED) {
                    reasons.add(Reason.at(field, "already-retired", name + "已是退休人员"));
                } else if (unitId != null && found.get().getUnitId() != null && !unitId.equals(found.get().getUnitId())) {
                    reasons.add(Reason.at(field, "other-unit", name + "不在本单位参保，不能由本单位办理在职转退休"));
                }
            }
            case MOVE_WITHIN_POOL -> {
                if (status != Insurance.Status.ACTIVE) {
                    reasons.add(Reason.at(field, "not-active", name + "不是参保缴费状态，不能办理统筹地区内转移"));
                } else if (unitId != null && unitId.equals(found.get().getUnitId())) {
                    reasons.add(Reason.at(field, "same-unit", name + "已在本单位参保，无需转移"));
                }
            }
        }
        return reasons;
    }

    /** Applies a 表2 row (or a 表3 registration); assumes {@link #checkEmployeeChange} found nothing. */
    void applyEmployeeChange(ChangeType changeType, String type, String region, String unitId, String unitName,
                             PersonCategory category, long wageFen, YearMonth month, String caseId, String caseNumber,
                             Instant at) {
        Insurance insurance = insurance(type, region).orElseGet(() -> {
            Insurance fresh = new Insurance(type, region);
            insurances.add(fresh);
            return fresh;
        });
        String before = insurance.getStatus() == null ? "未参保" : insurance.getStatus().label();
        String event = PersonEvents.CHANGED;
        switch (changeType) {
            case ADD -> {
                insurance.start(unitId, unitName, category, wageFen, month, Period.LOCAL);
                event = PersonEvents.ENROLLED;
            }
            case INTERRUPT -> {
                insurance.closePeriod(month);
                insurance.setStatus(Insurance.Status.INTERRUPTED);
            }
            case TERMINATE -> {
                insurance.closePeriod(month);
                insurance.setStatus(Insurance.Status.TERMINATED);
            }
            case RESUME -> insurance.start(unitId != null ? unitId : insurance.getUnitId(),
                    unitName != null ? unitName : insurance.getUnitName(), insurance.getCategory(), wageFen, month, Period.LOCAL);
            case RETIRE -> {
                // contributions stop with the month of retirement; the insurance goes on as 退休人员
                insurance.closePeriod(month);
                insurance.setCategory(PersonCategory.RETIRED);
                before = category == null ? before : before + "·" + category.label();
            }
            case MOVE_WITHIN_POOL -> {
                insurance.closePeriod(month.minusMonths(1));
                insurance.start(unitId, unitName, insurance.getCategory(), wageFen, month, Period.LOCAL);
            }
        }
        String after = insurance.getStatus().label()
                + (changeType == ChangeType.RETIRE ? "·" + PersonCategory.RETIRED.label() : "");
        changes.add(new ChangeRecord(itemFor(type), caseNumber, type + "·" + changeType.label(), before, after, false, at));
        markApplied(caseId + ":" + type + ":" + region);
        enqueue(OutboxEvent.of(event, id, region, PersonEventMapper.person(this, changeType.label(), region,
                YearMonth.from(at.atZone(Case.ZONE)))));
    }

    private static String itemFor(String type) {
        return Insurance.RESIDENT_INSURANCE.equals(type) ? "622036001003" : "622036001002";
    }

    /** Whether the case's change for this insurance was already applied (the completion event may come twice). */
    public boolean hasApplied(String caseId, String type, String region) {
        return hasApplied(caseId + ":" + type + ":" + region);
    }

    /** Applies one checked personal-information change (表5/表6 row, or the local phone item). */
    void applyInformationChange(String itemCode, String field, String after, boolean key, String caseNumber, Instant at) {
        String before = currentValue(field);
        switch (field) {
            case "姓名" -> name = after;
            case "性别" -> gender = after;
            case "出生日期" -> birthDate = after;
            case "证件号码", "身份证号" -> idNumber = after;
            case "联系电话" -> phone = after;
            case "户籍地址" -> householdAddress = after;
            case "通讯地址" -> mailingAddress = after;
            case "申请人身份" -> applicantIdentity = after;
            case "财政补助对象" -> subsidyCategory = after;
            case COVERAGE_STATUS -> {
                // 中止 / 终止 of the resident insurance: contributions stop with this month; a 中止 record can then be
                // transferred to another pool (transfer-service releases it like an employee's)
                Insurance resident = residentInsurance().orElseThrow();
                resident.closePeriod(YearMonth.from(at.atZone(Case.ZONE)));
                resident.setStatus("终止参保".equals(after) ? Insurance.Status.TERMINATED : Insurance.Status.SUSPENDED);
            }
            default -> throw new IllegalArgumentException(field);
        }
        changes.add(new ChangeRecord(itemCode, caseNumber, field, before, after, key, at));
    }

    void informationChanged(String caseId, String what, String regionCode, Instant at) {
        markApplied(caseId);
        enqueue(OutboxEvent.of(PersonEvents.CHANGED, id, regionCode, PersonEventMapper.person(this, what, regionCode,
                YearMonth.from(at.atZone(Case.ZONE)))));
    }

    /** The registered value of a 变更项目, to compare with the form's 变更前信息. */
    public String currentValue(String field) {
        return switch (field) {
            case "姓名" -> name;
            case "性别" -> gender;
            case "出生日期" -> birthDate;
            case "证件号码", "身份证号" -> idNumber;
            case "联系电话" -> phone;
            case "户籍地址" -> householdAddress;
            case "通讯地址" -> mailingAddress;
            case "申请人身份" -> applicantIdentity;
            case "财政补助对象" -> subsidyCategory;
            case COVERAGE_STATUS -> residentInsurance().map(i -> i.getStatus().label()).orElse(null);
            default -> null;
        };
    }

    /** The resident insurance a 表6 change concerns: the active one, else the latest. */
    public Optional<Insurance> residentInsurance() {
        return coverageOf(Insurance.RESIDENT_INSURANCE);
    }

    /** The insurance of a scheme a change concerns: the active one, else the latest registered. */
    public Optional<Insurance> coverageOf(String type) {
        Optional<Insurance> active = insurances.stream()
                .filter(i -> i.getInsuranceType().equals(type) && i.getStatus() == Insurance.Status.ACTIVE).findFirst();
        return active.isPresent() ? active : insurances.stream().filter(i -> i.getInsuranceType().equals(type))
                .reduce((first, second) -> second);
    }

    /** 缴费基数申报 (local contribution item): the declared wage of an insurance, once per case. */
    public boolean declareWage(String type, String region, long fen, String caseId) {
        String key = caseId + ":wage";
        if (hasApplied(key)) {
            return false;
        }
        insurance(type, region).ifPresent(i -> i.setDeclaredWageFen(fen));
        markApplied(key);
        return true;
    }

    // ------------------------------------------------------------------ transfer hooks (622036003002)

    /** Whether the transfer's command (suspend / release / credit) was already applied. */
    public boolean hasAppliedTransfer(String step, String transferId) {
        return hasApplied("transfer-" + step + ":" + transferId);
    }

    /** 中止参保 for a transfer out: the insurance stops contributing and waits for the release. */
    public void suspendForTransfer(Insurance insurance, YearMonth month, String transferId, Instant at) {
        String before = insurance.getStatus().label();
        insurance.closePeriod(month);
        insurance.setStatus(Insurance.Status.SUSPENDED);
        changes.add(new ChangeRecord(TRANSFER_ITEM, transferId, insurance.getInsuranceType() + "·中止参保", before,
                insurance.getStatus().label(), false, at));
        markApplied("transfer-suspend:" + transferId);
        enqueueChanged(PersonEvents.TRANSFER_SUSPENDED, "中止参保（转移接续）", insurance.getRegionCode(), at, null);
    }

    /** The record leaves with the transfer ({@code record} is what the other pool receives). */
    public void releaseForTransfer(Insurance insurance, String transferId, TransferHooks.InsuranceRecord record,
                                   Instant at) {
        String before = insurance.getStatus().label();
        insurance.setStatus(Insurance.Status.TRANSFERRED_OUT);
        changes.add(new ChangeRecord(TRANSFER_ITEM, transferId, insurance.getInsuranceType() + "·转出", before,
                insurance.getStatus().label(), false, at));
        markApplied("transfer-release:" + transferId);
        enqueue(OutboxEvent.of(PersonEvents.RECORD_RELEASED, id, insurance.getRegionCode(), record));
    }

    /** Credits transferred-in periods (转入) and starts (or continues) the insurance in the new pool. */
    public void creditTransferIn(String type, String region, PersonCategory category, List<Period> transferred,
                                 YearMonth month, String transferId, Instant at) {
        Insurance insurance = insurance(type, region).orElseGet(() -> {
            Insurance fresh = new Insurance(type, region);
            insurances.add(fresh);
            return fresh;
        });
        String before = insurance.getStatus() == null ? "未参保" : insurance.getStatus().label();
        for (Period p : transferred) {
            insurance.addPeriod(new Period(p.from(), p.to(), p.regionCode(), null, p.category(), Period.TRANSFERRED_IN));
        }
        if (insurance.getStatus() != Insurance.Status.ACTIVE) {
            insurance.start(null, null, category == null ? PersonCategory.FLEXIBLE : category, 0, month, Period.LOCAL);
        }
        changes.add(new ChangeRecord(TRANSFER_ITEM, transferId, type + "·转入", before, insurance.getStatus().label(),
                false, at));
        markApplied("transfer-credit:" + transferId);
        enqueueChanged(PersonEvents.TRANSFER_IN_CREDITED, "转移接续转入", region, at, transferId);
    }

    private void enqueueChanged(String type, String what, String region, Instant at, String transferId) {
        enqueue(OutboxEvent.of(type, id, region, PersonEventMapper.person(this, what, region,
                YearMonth.from(at.atZone(Case.ZONE)), transferId)));
    }

    public String getIdNumber() { return idNumber; }
    public String getIdType() { return idType; }
    public String getName() { return name; }
    public String getGender() { return gender; }
    public String getBirthDate() { return birthDate; }
    public String getPhone() { return phone; }
    public String getHouseholdAddress() { return householdAddress; }
    public String getMailingAddress() { return mailingAddress; }
    public String getApplicantIdentity() { return applicantIdentity; }
    public String getSubsidyCategory() { return subsidyCategory; }
    public List<Insurance> getInsurances() { return List.copyOf(insurances); }
    public List<ChangeRecord> getChanges() { return List.copyOf(changes); }
    public Instant getCreatedAt() { return createdAt; }
}
