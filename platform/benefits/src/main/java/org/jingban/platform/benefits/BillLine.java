package org.jingban.platform.benefits;

import java.math.BigDecimal;

import org.jingban.platform.money.Money;

/**
 * One line of a bill (费用明细): an item, drug or material with its catalogue category. {@code amount} must be
 * {@code quantity × unitPrice} rounded HALF_UP to the fen ({@link BenefitCalculator#calculate} checks it), so that a
 * reimbursement clerk typing the invoice and a settlement feed get the same total.
 *
 * @param code     医保目录编码 (or the hospital's own code)
 * @param name     项目名称
 * @param category 甲类, 乙类, 丙类 or 自费
 * @param quantity 数量, not negative
 * @param unitPrice 单价
 * @param amount   金额
 */
public record BillLine(String code, String name, Category category, BigDecimal quantity, Money unitPrice, Money amount) {

    /** A line of one unit: quantity 1, unit price = amount. */
    public static BillLine of(String code, String name, Category category, Money amount) {
        return new BillLine(code, name, category, BigDecimal.ONE, amount, amount);
    }
}
