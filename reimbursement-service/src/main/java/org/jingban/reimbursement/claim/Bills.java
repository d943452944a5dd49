package org.jingban.reimbursement.claim;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jingban.platform.benefits.BillLine;
import org.jingban.platform.benefits.Category;
import org.jingban.platform.money.Money;
import org.jingban.platform.web.problem.Violations;

/**
 * A bill as the reimbursement forms send it: the invoices (票据: 号码, 金额) and the fee list's typed lines (费用明细:
 * 项目编码, 名称, 类别, 数量, 单价, 金额). Every line is 数量 × 单价, and the lines add up to the invoices. One reading for
 * every item that pays a bill (主项六, 主项七, 主项八).
 */
public final class Bills {

    private Bills() {
    }

    /** Every problem of the invoices and the lines, and their totals disagreeing. */
    public static void validate(Violations v, List<ClaimForm.Invoice> invoices, List<ClaimForm.Line> lines) {
        Money invoiced = invoices(v, invoices);
        Money billed = lines(v, lines);
        if (invoiced != null && billed != null) {
            v.check(invoiced.equals(billed), "费用明细", "total-mismatch",
                    "费用明细合计" + billed + "元与票据金额合计" + invoiced + "元不符");
        }
    }

    private static Money invoices(Violations v, List<ClaimForm.Invoice> invoices) {
        if (invoices == null || invoices.isEmpty()) {
            v.add("票据", "required", "票据不能为空：请填写每张医院收费票据的号码和金额");
            return null;
        }
        Money sum = Money.ZERO;
        boolean complete = true;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < invoices.size(); i++) {
            ClaimForm.Invoice invoice = invoices.get(i);
            String f = "票据[" + i + "]";
            if (invoice == null) {
                v.add(f, "required", "票据不能为空");
                complete = false;
                continue;
            }
            String number = normalise(invoice.number());
            if (number == null) {
                v.add(f + ".票据号码", "required", "票据号码不能为空");
            } else if (!number.matches("[A-Z0-9-]{4,40}")) {
                v.add(f + ".票据号码", "invalid-invoice-number", "票据号码应为4至40位字母、数字或连字符");
            } else if (!seen.add(number)) {
                v.add(f + ".票据号码", "duplicate-invoice", "同一张票据只能填写一次：" + number);
            }
            v.date(f + ".开票日期", invoice.date());
            Money amount = Money.tryParse(invoice.amount());
            if (amount == null || amount.signum() <= 0) {
                v.add(f + ".票据金额", "invalid-amount", "票据金额应为大于0、最多两位小数的金额");
                complete = false;
            } else {
                sum = sum.plus(amount);
            }
        }
        return complete ? sum : null;
    }

    private static Money lines(Violations v, List<ClaimForm.Line> lines) {
        if (lines == null || lines.isEmpty()) {
            v.add("费用明细", "required", "费用明细不能为空：请按费用清单逐项填写");
            return null;
        }
        Money sum = Money.ZERO;
        boolean complete = true;
        for (int i = 0; i < lines.size(); i++) {
            ClaimForm.Line line = lines.get(i);
            String f = "费用明细[" + i + "]";
            if (line == null) {
                v.add(f, "required", "费用明细不能为空");
                complete = false;
                continue;
            }
            if (!present(line.code())) {
                v.add(f + ".项目编码", "required", "项目编码不能为空");
            }
            if (!present(line.name())) {
                v.add(f + ".项目名称", "required", "项目名称不能为空");
            }
            if (!present(line.category()) || Category.ofLabel(line.category()).isEmpty()) {
                v.add(f + ".类别", "unknown-option", "类别应为甲类、乙类、丙类或自费");
            }
            boolean quantityOk = line.quantity() != null && line.quantity().signum() > 0 && line.quantity().scale() <= 4;
            if (!quantityOk) {
                v.add(f + ".数量", "invalid-quantity", "数量应为大于0的数（最多4位小数）");
            }
            Money price = Money.tryParse(line.unitPrice());
            if (price == null || price.signum() < 0) {
                v.add(f + ".单价", "invalid-amount", "单价应为最多两位小数的金额");
            }
            Money amount = Money.tryParse(line.amount());
            if (amount == null || amount.signum() < 0) {
                v.add(f + ".金额", "invalid-amount", "金额应为最多两位小数的金额");
                complete = false;
                continue;
            }
            if (quantityOk && price != null && price.signum() >= 0) {
                Money expected = Money.of(price.yuan().multiply(line.quantity()).setScale(2, RoundingMode.HALF_UP));
                v.check(expected.equals(amount), f + ".金额", "amount-mismatch",
                        "金额应为数量×单价（" + expected + "元）");
            }
            sum = sum.plus(amount);
        }
        return complete ? sum : null;
    }

    /** The lines as the calculator reads them (after {@link #validate}). */
    public static List<BillLine> bill(List<ClaimForm.Line> lines) {
        List<BillLine> bill = new ArrayList<>();
        for (ClaimForm.Line line : lines) {
            bill.add(new BillLine(line.code().trim(), line.name().trim(), Category.ofLabel(line.category()).orElseThrow(),
                    line.quantity(), Money.parse(line.unitPrice()), Money.parse(line.amount())));
        }
        return bill;
    }

    /** The invoice numbers, normalised: each is paid at most once. */
    public static List<String> invoiceNumbers(List<ClaimForm.Invoice> invoices) {
        return invoices.stream().map(i -> normalise(i.number())).toList();
    }

    public static Money total(List<ClaimForm.Invoice> invoices) {
        return invoices.stream().map(i -> Money.parse(i.amount())).reduce(Money.ZERO, Money::plus);
    }

    /** 甲类 and 乙类 lines: what a maternity benefit pays on (丙类 and 自费 are the person's). */
    public static Money covered(List<ClaimForm.Line> lines) {
        return bill(lines).stream().filter(l -> l.category() == Category.A || l.category() == Category.B)
                .map(BillLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /** Upper case, no spaces; null when blank. */
    public static String normalise(String invoiceNumber) {
        return invoiceNumber == null || invoiceNumber.isBlank() ? null
                : invoiceNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

}
