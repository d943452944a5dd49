package org.jingban.enrollment.employer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jingban.platform.service.items.BankAccount;
import org.jingban.enrollment.shared.ChangeRecord;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 参保单位 (an insured employer): registered by 622036001001, changed by 622036001004. Its rules answer with the
 * kernel's {@link Reason}s; its methods apply a completed case once (the case id goes into the inbox) and enqueue the
 * public events.
 */
@Document("employers")
public class Employer extends AggregateDocument {

    private static final String REGISTRATION_ITEM = "622036001001";
    private static final String CHANGE_ITEM = "622036001004";

    public enum Status {
        /** 正常参保 */
        ACTIVE("正常参保"),
        /** 暂停参保 */
        SUSPENDED("暂停参保"),
        /** 已注销 */
        CANCELLED("已注销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Indexed(unique = true)
    private String uscc;
    private String formerUscc;
    private String name;
    private String nature;
    private String address;
    private LegalRepresentative legalRepresentative;
    private BankAccount bankAccount;
    private List<String> insuranceTypes = new ArrayList<>();
    private String enrolledOn;
    private String regionCode;
    private Agent agent;
    private Status status;
    private String registrationCaseNumber;
    private Instant registeredAt;
    private List<ChangeRecord> changes = new ArrayList<>();

    Employer() {
    }

    /**
     * The rules of a 登记类型 for the unit as registered ({@code existing}, null if never), the former unit of a
     * 拆分合并分立 and the unit's contributing staff: every reason it cannot be done (empty: it can).
     */
    static List<Reason> checkRegistration(RegistrationType type, Employer existing, Employer former, long contributingStaff) {
        List<Reason> failed = new ArrayList<>();
        switch (type) {
            case NEW, RESTRUCTURE -> {
                if (existing != null && existing.status != Status.CANCELLED) {
                    failed.add(Reason.at("统一社会信用代码", "already-registered",
                            "该单位已办理参保登记（" + existing.status.label() + "），不能重复登记"));
                }
                if (type == RegistrationType.RESTRUCTURE && former == null) {
                    failed.add(Reason.at("原统一社会信用代码", "unit-not-found", "原单位未办理参保登记"));
                }
            }
            case SUSPEND -> {
                if (existing == null || existing.status != Status.ACTIVE) {
                    failed.add(Reason.at("统一社会信用代码", "not-active", "只有正常参保的单位才能办理暂停登记"));
                }
            }
            case CANCEL -> {
                if (existing == null || existing.status == Status.CANCELLED) {
                    failed.add(Reason.at("统一社会信用代码", "not-registered", "该单位没有可注销的参保登记"));
                } else if (contributingStaff > 0) {
                    failed.add(Reason.at("统一社会信用代码", "staff-still-insured",
                            "单位仍有" + contributingStaff + "名职工参保缴费，请先为其办理中断或终止"));
                }
            }
        }
        return failed;
    }

    /** Whether employees may be added, resumed or moved in (表2): only while the unit is 正常参保. */
    public boolean mayAddStaff() {
        return status == Status.ACTIVE;
    }

    /** 新参保登记 (also 拆分合并分立: the resulting unit, noting the former code). */
    static Employer register(String id, String uscc, UnitDetails details, RegistrationType type, String caseId,
                             String caseNumber, Instant at) {
        Employer e = new Employer();
        e.id = id;
        e.uscc = uscc;
        e.registeredAt = at;
        e.fill(details);
        e.status = Status.ACTIVE;
        e.registrationCaseNumber = caseNumber;
        e.markApplied(caseId);
        e.enqueue(OutboxEvent.of(EmployerEvents.REGISTERED, e.id, e.regionCode, EmployerEvents.Unit.of(e, type.label(), List.of())));
        return e;
    }

    /** A cancelled unit registering again (新参保登记 with the same code). */
    void reRegister(UnitDetails details, RegistrationType type, String caseId, String caseNumber, Instant at) {
        fill(details);
        status = Status.ACTIVE;
        registrationCaseNumber = caseNumber;
        change(caseId, caseNumber, type.label(), List.of(new ChangeRecord(REGISTRATION_ITEM, caseNumber,
                "参保状态", Status.CANCELLED.label(), Status.ACTIVE.label(), false, at)), at);
    }

    /** 暂停登记 / 注销登记. */
    void changeStatus(Status to, RegistrationType type, String caseId, String caseNumber, Instant at) {
        ChangeRecord record = new ChangeRecord(REGISTRATION_ITEM, caseNumber, "参保状态", status.label(), to.label(), false, at);
        status = to;
        change(caseId, caseNumber, type.label(), List.of(record), at);
    }

    /** 单位参保信息变更登记: the changed items (see {@link #differences}). */
    void applyChange(UnitChange change, String caseId, String caseNumber, Instant at) {
        List<ChangeRecord> diff = differences(change, caseNumber, at);
        if (change.newUscc() != null && !change.newUscc().isBlank()) {
            formerUscc = uscc;
            uscc = change.newUscc();
        }
        name = change.name();
        address = change.address();
        nature = change.nature();
        bankAccount = change.bankAccount();
        legalRepresentative = change.legalRepresentative();
        agent = change.agent();
        change(caseId, caseNumber, "信息变更", diff, at);
    }

    /** Every item the change changes, with the registered value before and the new value after. */
    List<ChangeRecord> differences(UnitChange change, String caseNumber, Instant at) {
        List<ChangeRecord> diff = new ArrayList<>();
        String item = CHANGE_ITEM;
        if (change.newUscc() != null && !change.newUscc().isBlank() && !change.newUscc().equals(uscc)) {
            diff.add(new ChangeRecord(item, caseNumber, "统一社会信用代码", uscc, change.newUscc(), true, at));
        }
        add(diff, item, caseNumber, "单位名称", name, change.name(), false, at);
        add(diff, item, caseNumber, "单位地址", address, change.address(), false, at);
        add(diff, item, caseNumber, "单位类型", nature, change.nature(), false, at);
        add(diff, item, caseNumber, "开户银行信息", bankText(bankAccount), bankText(change.bankAccount()), false, at);
        LegalRepresentative rep = legalRepresentative;
        LegalRepresentative next = change.legalRepresentative();
        add(diff, item, caseNumber, "法定代表人/负责人姓名", rep == null ? null : rep.name(), next.name(), true, at);
        add(diff, item, caseNumber, "法定代表人/负责人证件类型及号码", rep == null || rep.id() == null ? null : idText(rep.id()),
                next.id() == null ? null : idText(next.id()), true, at);
        add(diff, item, caseNumber, "法定代表人/负责人联系电话", rep == null ? null : rep.phone(), next.phone(), false, at);
        add(diff, item, caseNumber, "缴费单位经办人员姓名", agent == null ? null : agent.name(), change.agent().name(), false, at);
        add(diff, item, caseNumber, "缴费单位经办人员联系电话", agent == null ? null : agent.mobile(), change.agent().mobile(), false, at);
        return diff;
    }

    private static void add(List<ChangeRecord> diff, String item, String caseNumber, String field, String before,
                            String after, boolean key, Instant at) {
        if (!Objects.equals(before, after)) {
            diff.add(new ChangeRecord(item, caseNumber, field, before, after, key, at));
        }
    }

    private static String bankText(BankAccount b) {
        return b == null ? null : b.bank() + " " + b.number() + (b.holder() == null ? "" : " " + b.holder());
    }

    private static String idText(IdDocument id) {
        return id.type() + " " + id.number();
    }

    private void fill(UnitDetails details) {
        formerUscc = details.formerUscc();
        name = details.name();
        nature = details.nature();
        address = details.address();
        legalRepresentative = details.legalRepresentative();
        bankAccount = details.bankAccount();
        insuranceTypes = new ArrayList<>(details.insuranceTypes());
        enrolledOn = details.enrolledOn();
        regionCode = details.regionCode();
        agent = details.agent();
    }

    private void change(String caseId, String caseNumber, String what, List<ChangeRecord> records, Instant at) {
        changes.addAll(records);
        markApplied(caseId);
        enqueue(OutboxEvent.of(EmployerEvents.CHANGED, id, regionCode, EmployerEvents.Unit.of(this, what, records)));
    }

    /**
     * The unit's contact phone as its events publish it: the 单位经办人员's phone (表1 手机号, 表4 缴费单位经办人员联系电话),
     * else the 法定代表人/负责人's 电话; null when neither is registered.
     */
    public String contactPhone() {
        if (agent != null && agent.mobile() != null && !agent.mobile().isBlank()) {
            return agent.mobile().strip();
        }
        if (legalRepresentative != null && legalRepresentative.phone() != null
                && !legalRepresentative.phone().isBlank()) {
            return legalRepresentative.phone().strip();
        }
        return null;
    }

    public String getUscc() { return uscc; }
    public String getFormerUscc() { return formerUscc; }
    public String getName() { return name; }
    public String getNature() { return nature; }
    public String getAddress() { return address; }
    public LegalRepresentative getLegalRepresentative() { return legalRepresentative; }
    public BankAccount getBankAccount() { return bankAccount; }
    public List<String> getInsuranceTypes() { return List.copyOf(insuranceTypes); }
    public String getEnrolledOn() { return enrolledOn; }
    public String getRegionCode() { return regionCode; }
    public Agent getAgent() { return agent; }
    public Status getStatus() { return status; }
    public String getRegistrationCaseNumber() { return registrationCaseNumber; }
    public Instant getRegisteredAt() { return registeredAt; }
    public List<ChangeRecord> getChanges() { return List.copyOf(changes); }
}
