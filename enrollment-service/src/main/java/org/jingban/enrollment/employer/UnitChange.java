package org.jingban.enrollment.employer;

import org.jingban.platform.service.items.BankAccount;

/**
 * 表4 read as the unit shall be after the change (单位参保信息变更登记 622036001004); {@code newUscc} only when the code
 * itself changes. {@link Employer#differences} compares it with the register.
 */
public record UnitChange(String newUscc, String name, String address, String nature, BankAccount bankAccount,
                         LegalRepresentative legalRepresentative, Agent agent) {
}
