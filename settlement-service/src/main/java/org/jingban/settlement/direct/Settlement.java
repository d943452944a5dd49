package org.jingban.settlement.direct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jingban.platform.benefits.Benefit;
import org.jingban.platform.cases.Case;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.money.Money;
import org.jingban.settlement.api.SettlementEvents;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One direct settlement (直接结算) of one bill (invoice) at one designated institution; its id is derived from the
 * institution and the invoice number, so the institution's retry finds it. The life, each step one versioned write:
 * CALCULATED (the calculator's figures from the person's year at {@link #getYearVersion()}) → COUNTED (the year's
 * accumulations include it, the figures are final) → SETTLED (the account's outcome known; the {@code settled} event
 * leaves with this write) → REVERSING → REVERSED (the {@code reversed} event). A crash between two steps leaves the
 * earlier state, from which {@link DirectSettlements#carryOn} continues.
 */
@Document("settlements")
public class Settlement extends AggregateDocument {

    public enum Status {
        CALCULATED("已计算"), COUNTED("已累计"), SETTLED("已结算"), REVERSING("冲正中"), REVERSED("已冲正");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the personal-account share was paid. */
    public enum AccountUse {
        /** No account share (a resident, the institution did not ask, nothing left for it). */
        NONE,
        /** Debited from the account (entry {@link #getDebitEntryId()}). */
        DEBITED,
        /** The account refused (余额不足, 账户已注销 …): the share was paid in cash. */
        CASH_REFUSED,
        /** enrollment-service could not be reached: the share was paid in cash. */
        CASH_UNAVAILABLE
    }

    /** One bill line as the institution sent it (amounts as yuan strings). */
    public record Line(String code, String name, String category, String quantity, String unitPrice, String amount) {
    }

    /** One line of the calculation (the calculator's {@code Step}), as printed on the receipt. */
    public record Step(String rule, String text, String amount) {
    }

    // the visit, fixed at the first request
    private String institutionCode;
    private String institutionName;
    private String agreementNumber;
    private String invoiceNumber;
    private String fingerprint;
    private String idNumber;
    private String personName;
    private String accountId;
    private String scheme;
    private String poolRegion;
    private String visitRegion;
    private String place;
    private String level;
    private String visitType;
    private String diseaseCode;
    private boolean chronicEntitled;
    private LocalDate visitDate;
    private LocalDate admissionDate;
    private int policyYear;
    private boolean useAccount;
    private String itemCode;
    private String matter;
    private List<Line> lines;
    // the calculation
    private long yearVersion;
    private Usage before;
    private Usage used;
    private String visitApplied;
    private long totalFen;
    private long excludedFen;
    private long selfPayFirstFen;
    private long eligibleFen;
    private long deductibleFen;
    private long fundFen;
    private long criticalIllnessFen;
    private long assistanceFen;
    private long personalAccountFen;
    private long cashFen;
    private List<Step> breakdown;
    // the account
    private AccountUse accountUse;
    private String debitEntryId;
    private String accountNote;
    private String observedDebitEntryId;
    private String strayDebitReversalEntryId;
    private String refundEntryId;
    private String refundNote;
    // the life
    private Status status;
    private Instant createdAt;
    private Instant countedAt;
    private Instant settledAt;
    private Instant reversalRequestedAt;
    private Instant reversedAt;
    private String reversalReason;

    /** The visit as checked, before any calculation. */
    public record Terms(String id, String institutionCode, String institutionName, String agreementNumber,
                       String invoiceNumber, String fingerprint, String idNumber, String personName, String accountId,
                       String scheme, String poolRegion, String visitRegion, String place, String level,
                       String visitType, String diseaseCode, boolean chronicEntitled, LocalDate visitDate,
                       LocalDate admissionDate, int policyYear, boolean useAccount, String itemCode, String matter,
                       List<Line> lines) {
    }

    public static Settlement start(Terms t, Instant now) {
        Settlement s = new Settlement();
        s.id = t.id();
        s.institutionCode = t.institutionCode();
        s.institutionName = t.institutionName();
        s.agreementNumber = t.agreementNumber();
        s.invoiceNumber = t.invoiceNumber();
        s.fingerprint = t.fingerprint();
        s.idNumber = t.idNumber();
        s.personName = t.personName();
        s.accountId = t.accountId();
        s.scheme = t.scheme();
        s.poolRegion = t.poolRegion();
        s.visitRegion = t.visitRegion();
        s.place = t.place();
        s.level = t.level();
        s.visitType = t.visitType();
        s.diseaseCode = t.diseaseCode();
        s.chronicEntitled = t.chronicEntitled();
        s.visitDate = t.visitDate();
        s.admissionDate = t.admissionDate();
        s.policyYear = t.policyYear();
        s.useAccount = t.useAccount();
        s.itemCode = t.itemCode();
        s.matter = t.matter();
        s.lines = List.copyOf(t.lines());
        s.status = Status.CALCULATED;
        s.createdAt = now;
        return s;
    }

    /** The calculator's figures from the year at {@code version} (again, if the year moved on before counting). */
    public void calculated(Benefit b, Usage yearBefore, long version) {
        if (status != Status.CALCULATED) {
            throw new IllegalStateException("figures are final once counted: " + status);
        }
        this.yearVersion = version;
        this.before = yearBefore;
        this.used = Usage.used(yearBefore.yearToDate(), b);
        figures(b);
    }

    private void figures(Benefit b) {
        this.visitApplied = b.visit().name();
        this.totalFen = b.total().fen();
        this.excludedFen = b.excluded().fen();
        this.selfPayFirstFen = b.selfPayFirst().fen();
        this.eligibleFen = b.eligible().fen();
        this.deductibleFen = b.deductible().fen();
        this.fundFen = b.fund().fen();
        this.criticalIllnessFen = b.criticalIllness().fen();
        this.assistanceFen = b.assistance().fen();
        this.personalAccountFen = b.personalAccount().fen();
        this.cashFen = b.cash().fen();
        this.breakdown = b.breakdown().stream().map(s -> new Step(s.rule(), s.text(), s.amount().toString())).toList();
    }

    public void counted(Instant now) {
        if (status == Status.CALCULATED) {
            status = Status.COUNTED;
            countedAt = now;
        }
    }

    /**
     * Settled: the account's outcome is known. For a cash outcome, {@code withoutAccount} is the same calculation
     * without the account (same funds, the share moved to cash); the {@code settled} event is queued in this write.
     */
    public void settle(AccountUse use, String entryId, String note, Benefit withoutAccount, Instant now) {
        if (status != Status.COUNTED) {
            throw new IllegalStateException("not counted: " + status);
        }
        if (withoutAccount != null) {
            if (withoutAccount.fund().fen() != fundFen || withoutAccount.criticalIllness().fen() != criticalIllnessFen
                    || withoutAccount.assistance().fen() != assistanceFen) {
                throw new IllegalStateException("paying the account share in cash must not change the funds");
            }
            figures(withoutAccount);
        }
        accountUse = use;
        debitEntryId = entryId;
        accountNote = note;
        status = Status.SETTLED;
        settledAt = now;
        enqueue(OutboxEvent.of(SettlementEvents.SETTLED, id, poolRegion, event()));
    }

    public void startReversal(String reason, Instant now) {
        if (status != Status.SETTLED) {
            throw new IllegalStateException("not settled: " + status);
        }
        status = Status.REVERSING;
        reversalRequestedAt = now;
        reversalReason = reason;
    }

    public void refunded(String entryId, String note) {
        refundEntryId = entryId;
        refundNote = note;
    }

    public void reversed(Instant now) {
        if (status != Status.REVERSING) {
            throw new IllegalStateException("not reversing: " + status);
        }
        status = Status.REVERSED;
        reversedAt = now;
        enqueue(OutboxEvent.of(SettlementEvents.REVERSED, id, poolRegion, event()));
    }

    public void strayDebitReversed(String entryId) {
        strayDebitReversalEntryId = entryId;
    }

    /** The event data (settlement-service-api): the bill's figures as settled. */
    public SettlementEvents.Settlement event() {
        return new SettlementEvents.Settlement(id, invoiceNumber, idNumber, institutionCode, visitApplied,
                settledAt == null ? null : LocalDate.ofInstant(settledAt, Case.ZONE), policyYear,
                Money.format(totalFen), Money.format(eligibleFen), Money.format(fundFen),
                Money.format(criticalIllnessFen), Money.format(assistanceFen), Money.format(personalAccountFen),
                Money.format(cashFen), used == null ? null : used.yearToDate());
    }

    /** Whether a debit that landed under this settlement's key must be given back (the share was paid in cash). */
    public boolean hasStrayDebit() {
        return observedDebitEntryId != null && strayDebitReversalEntryId == null
                && (accountUse == AccountUse.CASH_REFUSED || accountUse == AccountUse.CASH_UNAVAILABLE
                || accountUse == AccountUse.NONE);
    }

    public String getInstitutionCode() { return institutionCode; }
    public String getInstitutionName() { return institutionName; }
    public String getAgreementNumber() { return agreementNumber; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public String getFingerprint() { return fingerprint; }
    public String getIdNumber() { return idNumber; }
    public String getPersonName() { return personName; }
    public String getAccountId() { return accountId; }
    public String getScheme() { return scheme; }
    public String getPoolRegion() { return poolRegion; }
    public String getVisitRegion() { return visitRegion; }
    public String getPlace() { return place; }
    public String getLevel() { return level; }
    public String getVisitType() { return visitType; }
    public String getDiseaseCode() { return diseaseCode; }
    public boolean isChronicEntitled() { return chronicEntitled; }
    public LocalDate getVisitDate() { return visitDate; }
    public LocalDate getAdmissionDate() { return admissionDate; }
    public int getPolicyYear() { return policyYear; }
    public boolean isUseAccount() { return useAccount; }
    public String getItemCode() { return itemCode; }
    public String getMatter() { return matter; }
    public List<Line> getLines() { return lines; }
    public long getYearVersion() { return yearVersion; }
    public Usage getBefore() { return before; }
    public Usage getUsed() { return used; }
    public String getVisitApplied() { return visitApplied; }
    public long getTotalFen() { return totalFen; }
    public long getExcludedFen() { return excludedFen; }
    public long getSelfPayFirstFen() { return selfPayFirstFen; }
    public long getEligibleFen() { return eligibleFen; }
    public long getDeductibleFen() { return deductibleFen; }
    public long getFundFen() { return fundFen; }
    public long getCriticalIllnessFen() { return criticalIllnessFen; }
    public long getAssistanceFen() { return assistanceFen; }
    public long getPersonalAccountFen() { return personalAccountFen; }
    public long getCashFen() { return cashFen; }
    public List<Step> getBreakdown() { return breakdown; }
    public AccountUse getAccountUse() { return accountUse; }
    public String getDebitEntryId() { return debitEntryId; }
    public String getAccountNote() { return accountNote; }
    public String getObservedDebitEntryId() { return observedDebitEntryId; }
    public String getStrayDebitReversalEntryId() { return strayDebitReversalEntryId; }
    public String getRefundEntryId() { return refundEntryId; }
    public String getRefundNote() { return refundNote; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCountedAt() { return countedAt; }
    public Instant getSettledAt() { return settledAt; }
    public Instant getReversalRequestedAt() { return reversalRequestedAt; }
    public Instant getReversedAt() { return reversedAt; }
    public String getReversalReason() { return reversalReason; }
}
