package org.jingban.platform.service.items;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.identifiers.BankAccountNumber;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.web.problem.Violations;

/**
 * 银行账户信息 as the forms ask for it (表1, 表4, 表7, 缴费, 手工报销): 账号, 开户行, 户名. Whether the account is the
 * applicant's own is the form's question (非本人账户提供相关材料), not the account's.
 */
public record BankAccount(@JsonProperty("账号") String number, @JsonProperty("开户行") String bank,
                          @JsonProperty("户名") String holder) {

    /** 账号 and 开户行 present, 账号 a bank card or account number; problems named {@code field.账号} / {@code field.开户行}. */
    public void validate(Violations v, String field) {
        v.require(field + ".账号", number).require(field + ".开户行", bank);
        if (number != null && !number.isBlank()) {
            BankAccountNumber.check(number).ifPresent(p -> v.add(field + ".账号", p.code(), p.message()));
        }
    }

    /** The account as lists and views show it: the number masked. */
    public BankAccount masked() {
        return new BankAccount(Masking.bankAccount(number), bank, holder);
    }

    /** Masked: a record's toString would otherwise put the number in any log line that prints the form. */
    @Override
    public String toString() {
        return "BankAccount[" + Masking.bankAccount(number) + ", " + bank + "]";
    }

    /** The account number as the bank takes it (spaces removed). */
    public String normalisedNumber() {
        return BankAccountNumber.normalise(number);
    }
}
