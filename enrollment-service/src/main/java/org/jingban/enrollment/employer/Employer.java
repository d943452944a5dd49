package org.jingban.enrollment.employer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jingban.enrollment.employer.EmployerRegistrationForm.Agent;
import org.jingban.enrollment.employer.EmployerRegistrationForm.BankAccount;
import org.jingban.enrollment.employer.EmployerRegistrationForm.LegalRepresentative;
import org.jingban.enrollment.shared.ChangeRecord;
import org.jingban.enrollment.shared.IdDocument;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 参保单位 (an insured employer): registered by 622036001001, changed by 622036001004. Its methods apply a completed
 * case once (the case id goes into the inbox) and enqueue the public events.
 */
@Document("employers")
public class Employer extends AggregateDocument {

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

    /** 新参保登记 (also 拆分合并分立: the resulting unit, noting the former code). */
    static Employer register(String id, EmployerRegistrationForm form, String caseId, String caseNumber, Instant at) {
        Employer e = new Employer();
        e.id = id;
        e.uscc = form.uscc();
        e.registeredAt = at;
        e.fill(form);
        e.status = Status.ACTIVE;
        e.registrationCaseNumber = caseNumber;
        e.markApplied(caseId);
        e.enqueue(OutboxEvent.of(EmployerEvents.REGISTERED, e.id, e.regionCode, EmployerEvents.Unit.of(e, form.registrationType(), List.of())));
        return e;
    }

    /** A cancelled unit registering again (新参保登记 with the same code). */
    void reRegister(EmployerRegistrationForm form, String caseId, String caseNumber, Instant at) {
        fill(form);
        status = Status.ACTIVE;
        registrationCaseNumber = caseNumber;
        change(caseId, caseNumber, form.registrationType(), List.of(new ChangeRecord("622036001001", caseNumber,
                "参保状态", Status.CANCELLED.label(), Status.ACTIVE.label(), false, at)), at);
    }

    /** 暂停登记 / 注销登记. */
    void changeStatus(Status to, String registrationType, String caseId, String caseNumber, Instant at) {
        ChangeRecord record = new ChangeRecord("622036001001", caseNumber, "参保状态", status.label(), to.label(), false, at);
        status = to;
        change(caseId, caseNumber, registrationType, List.of(record), at);
    }

    /** 单位参保信息变更登记: the changed items of the form (see {@link #differences}). */
    void applyChange(EmployerChangeForm form, String caseId, String caseNumber, Instant at) {
        List<ChangeRecord> diff = differences(form, caseNumber, at);
        if (form.newUscc() != null && !form.newUscc().isBlank()) {
            formerUscc = uscc;
            uscc = form.newUscc();
        }
        name = form.name();
        address = form.address();
        nature = form.nature();
        bankAccount = form.bankAccount();
        legalRepresentative = new LegalRepresentative(form.legalRepresentativeName(), form.legalRepresentativeId(),
                form.legalRepresentativePhone());
        agent = new Agent(form.agentName(), form.agentPhone());
        change(caseId, caseNumber, "信息变更", diff, at);
    }

    /** Every item the form changes, with the registered value before and the new value after. */
    List<ChangeRecord> differences(EmployerChangeForm form, String caseNumber, Instant at) {
        List<ChangeRecord> diff = new ArrayList<>();
        String item = "622036001004";
        if (form.newUscc() != null && !form.newUscc().isBlank() && !form.newUscc().equals(uscc)) {
            diff.add(new ChangeRecord(item, caseNumber, "统一社会信用代码", uscc, form.newUscc(), true, at));
        }
        add(diff, item, caseNumber, "单位名称", name, form.name(), false, at);
        add(diff, item, caseNumber, "单位地址", address, form.address(), false, at);
        add(diff, item, caseNumber, "单位类型", nature, form.nature(), false, at);
        add(diff, item, caseNumber, "开户银行信息", bankText(bankAccount), bankText(form.bankAccount()), false, at);
        LegalRepresentative rep = legalRepresentative;
        add(diff, item, caseNumber, "法定代表人/负责人姓名", rep == null ? null : rep.name(), form.legalRepresentativeName(), true, at);
        add(diff, item, caseNumber, "法定代表人/负责人证件类型及号码", rep == null || rep.id() == null ? null : idText(rep.id()),
                form.legalRepresentativeId() == null ? null : idText(form.legalRepresentativeId()), true, at);
        add(diff, item, caseNumber, "法定代表人/负责人联系电话", rep == null ? null : rep.phone(), form.legalRepresentativePhone(), false, at);
        add(diff, item, caseNumber, "缴费单位经办人员姓名", agent == null ? null : agent.name(), form.agentName(), false, at);
        add(diff, item, caseNumber, "缴费单位经办人员联系电话", agent == null ? null : agent.mobile(), form.agentPhone(), false, at);
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

    private void fill(EmployerRegistrationForm form) {
        formerUscc = form.formerUscc();
        name = form.name();
        nature = form.nature();
        address = form.address();
        legalRepresentative = form.legalRepresentative();
        bankAccount = form.bankAccount();
        insuranceTypes = new ArrayList<>(form.insuranceTypes());
        enrolledOn = form.enrolledOn();
        regionCode = form.regionCode();
        agent = form.agent();
    }

    private void change(String caseId, String caseNumber, String what, List<ChangeRecord> records, Instant at) {
        changes.addAll(records);
        markApplied(caseId);
        enqueue(OutboxEvent.of(EmployerEvents.CHANGED, id, regionCode, EmployerEvents.Unit.of(this, what, records)));
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
