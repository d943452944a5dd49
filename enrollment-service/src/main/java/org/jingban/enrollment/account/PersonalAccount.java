package org.jingban.enrollment.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.api.AccountEvents;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.money.Money;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 职工医保个人账户: one document per person holding the balance, the entry sequence and a short journal of
 * entries not yet copied to {@code account_entries}. Every post is one versioned write of this document
 * (balance, journal entry and outbox event together), so two concurrent debits cannot both spend the same
 * yuan: the loser's save fails on {@code @Version} and it starts again from the new balance.
 * See docs/adr/enrollment.md.
 */
@Document("personal_accounts")
public class PersonalAccount extends AggregateDocument {

    public enum Status {
        /** 正常 */
        OPEN,
        /** 已支取 / 已转出: no more debits; a transfer-in credit reopens it */
        CLOSED
    }

    @Indexed(unique = true)
    private String idNumber;
    private String name;
    private String regionCode;
    private long balanceFen;
    private long lastSequence;
    private Status status = Status.OPEN;
    private String closedBy;
    private Instant openedAt;
    /** Entries written with this document and not yet copied to account_entries (normally none or one). */
    private List<AccountEntry> journal = new ArrayList<>();

    PersonalAccount() {
    }

    public static PersonalAccount open(String personId, String idNumber, String name, String regionCode, Instant at) {
        PersonalAccount account = new PersonalAccount();
        account.id = personId;
        account.idNumber = idNumber;
        account.name = name;
        account.regionCode = regionCode;
        account.openedAt = at;
        return account;
    }

    /** The result of {@link #post}: the new entry, or every reason why not. */
    public sealed interface Posting permits Posted, Refused {
    }

    public record Posted(AccountEntry entry) implements Posting {
    }

    public record Refused(List<Reason> reasons) implements Posting {
    }

    /**
     * Posts an entry. {@code reversed} is the entry a reversal names (if found) and {@code alreadyReversed} whether
     * some entry already reverses it; the caller looks both up in the journal and the entries collection.
     */
    public Posting post(PostEntry command, Optional<AccountEntry> reversed, boolean alreadyReversed, Instant at) {
        List<Reason> reasons = new ArrayList<>();
        long signed;
        EntryKind kind = command.kind();
        if (kind == EntryKind.REVERSAL) {
            if (reversed.isEmpty()) {
                reasons.add(Reason.at("reversalOf", "entry-not-found", "要冲正的账户明细不存在"));
                signed = 0;
            } else {
                AccountEntry original = reversed.get();
                signed = -original.amountFen();
                if (original.kind() == EntryKind.REVERSAL) {
                    reasons.add(Reason.at("reversalOf", "reversal-of-reversal", "冲正记录不能再冲正"));
                }
                if (alreadyReversed) {
                    reasons.add(Reason.at("reversalOf", "already-reversed", "该笔明细已冲正，不能重复冲正"));
                }
            }
        } else if (command.amountFen() == PostEntry.WHOLE_BALANCE) {
            if (kind.credit()) {
                reasons.add(Reason.at("amount", "required", "金额为必填项"));
            }
            signed = -balanceFen;
        } else {
            if (command.amountFen() <= 0) {
                reasons.add(Reason.at("amount", "not-positive", "金额须大于0"));
            }
            signed = kind.credit() ? command.amountFen() : -command.amountFen();
        }
        if (status == Status.CLOSED && kind != EntryKind.TRANSFER_IN && !(kind == EntryKind.REVERSAL && signed > 0)) {
            reasons.add(Reason.at("account", "account-closed", "个人账户已" + closedBy + "，不能再记账"));
        }
        if (balanceFen + signed < 0) {
            reasons.add(Reason.at("amount", "insufficient-balance",
                    "个人账户余额不足：余额" + Money.format(balanceFen) + "元，本次支出" + Money.format(-signed) + "元"));
        }
        if (!reasons.isEmpty()) {
            return new Refused(reasons);
        }
        lastSequence++;
        balanceFen += signed;
        AccountEntry entry = new AccountEntry(id + ":" + lastSequence, id, lastSequence, kind, signed, balanceFen,
                command.idempotencyKey(), command.reference(), command.reversalOf(), command.remark(), at);
        journal.add(entry);
        if (kind == EntryKind.WITHDRAWAL || kind == EntryKind.TRANSFER_OUT) {
            status = Status.CLOSED;
            closedBy = kind.label();
        } else if (kind == EntryKind.TRANSFER_IN) {
            status = Status.OPEN;
            closedBy = null;
        }
        enqueue(OutboxEvent.of(signed >= 0 ? AccountEvents.CREDITED : AccountEvents.DEBITED, id, regionCode,
                AccountEventMapper.posted(this, entry)));
        return new Posted(entry);
    }

    void describeHolder(String newIdNumber, String newName) {
        this.idNumber = newIdNumber;
        this.name = newName;
    }

    /** Moves the account to another 统筹区 (转移接续转入). */
    void moveTo(String newRegionCode) {
        this.regionCode = newRegionCode;
    }

    public Optional<AccountEntry> journalEntry(String entryId) {
        return journal.stream().filter(e -> e.id().equals(entryId)).findFirst();
    }

    public Optional<AccountEntry> journalEntryWithKey(String key) {
        return journal.stream().filter(e -> key.equals(e.idempotencyKey())).findFirst();
    }

    public boolean journalReverses(String entryId) {
        return journal.stream().anyMatch(e -> entryId.equals(e.reversalOf()));
    }

    public String getIdNumber() { return idNumber; }
    public String getName() { return name; }
    public String getRegionCode() { return regionCode; }
    public long getBalanceFen() { return balanceFen; }
    public long getLastSequence() { return lastSequence; }
    public Status getStatus() { return status; }
    public String getClosedBy() { return closedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public List<AccountEntry> getJournal() { return List.copyOf(journal); }
}
