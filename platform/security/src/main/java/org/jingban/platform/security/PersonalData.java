package org.jingban.platform.security;

import org.jingban.platform.identifiers.Masking;

/**
 * Personal data in responses (PIPL: medical and financial data are sensitive). List responses always
 * mask; a single record shows full values only to its own party and to staff of its region — and a staff
 * member's read of it must be recorded ({@code AuditTrail.read} / {@code reads}).
 *
 * <pre>{@code
 * // list
 * new PersonRow(p.id(), PersonalData.idNumber(p.idNumber()), PersonalData.mobile(p.phone()))
 * // one record
 * boolean full = PersonalData.fullFor(caller, p.owner());
 * new PersonView(PersonalData.idNumber(p.idNumber(), full), PersonalData.bankAccount(p.account(), full))
 * }</pre>
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** Whether this caller may see the unmasked values of this owner's record. */
    public static boolean fullFor(Caller caller, Owner owner) {
        return caller != null && owner != null && (caller.isParty(owner) || caller.serves(owner.region()));
    }

    /** {@code 620***********1234}: the first 3 and last 4 characters stay. */
    public static String idNumber(String value) {
        return Masking.idNumber(value);
    }

    public static String idNumber(String value, boolean full) {
        return full ? value : Masking.idNumber(value);
    }

    /** {@code 138****5678}. */
    public static String mobile(String value) {
        return Masking.mobile(value);
    }

    public static String mobile(String value, boolean full) {
        return full ? value : Masking.mobile(value);
    }

    /** {@code 6222***********0123}: the first 4 and last 4 digits stay. */
    public static String bankAccount(String value) {
        return Masking.bankAccount(value);
    }

    public static String bankAccount(String value, boolean full) {
        return full ? value : Masking.bankAccount(value);
    }
}
