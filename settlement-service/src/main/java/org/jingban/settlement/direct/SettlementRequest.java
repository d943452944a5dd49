package org.jingban.settlement.direct;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jingban.platform.benefits.BillLine;
import org.jingban.platform.benefits.Category;
import org.jingban.platform.benefits.VisitType;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.openapi.OneOf;
import org.jingban.platform.web.problem.Violations;

/**
 * A bill an institution settles (or pre-settles) for an insured person at its counter.
 *
 * @param invoiceNumber      医疗收费票据号码 (the institution's key: one settlement per institution and invoice)
 * @param idNumber           证件号码 of the insured person (居民身份证)
 * @param visitType          OUTPATIENT (普通门诊), CHRONIC_OUTPATIENT (门诊慢特病) or INPATIENT (住院)
 * @param visitDate          就诊日期; for INPATIENT the 出院日期 (the policy year is its year)
 * @param admissionDate      入院日期, INPATIENT only
 * @param diseaseCode        病种编码, CHRONIC_OUTPATIENT only
 * @param lines              费用明细: code, name, category (甲类/乙类/丙类/自费), quantity, unitPrice, amount (yuan strings)
 * @param usePersonalAccount whether the person's 个人账户 pays what the funds leave (职工 only; default true)
 */
public record SettlementRequest(String invoiceNumber, String idNumber, String name,
                                @OneOf(of = VisitType.class, byName = true) String visitType,
                                LocalDate visitDate, LocalDate admissionDate, String diseaseCode, List<Line> lines,
                                Boolean usePersonalAccount) {

    public record Line(String code, String name, @OneOf(of = Category.class) String category, String quantity, String unitPrice, String amount) {
    }

    public static String normalise(String invoiceNumber) {
        return invoiceNumber == null || invoiceNumber.isBlank() ? null
                : invoiceNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Every problem of the request at once (400); nothing is looked up. */
    public void validate(LocalDate today) {
        Violations v = new Violations();
        v.require("invoiceNumber", invoiceNumber).require("idNumber", idNumber).require("visitType", visitType)
                .require("visitDate", visitDate).require("lines", lines == null || lines.isEmpty() ? null : lines);
        if (idNumber != null && !idNumber.isBlank()) {
            v.check(ResidentIdNumber.isValid(idNumber), "idNumber", "invalid", "证件号码不是有效的居民身份证号码");
        }
        Optional<VisitType> visit = visit();
        if (visitType != null && !visitType.isBlank()) {
            v.check(visit.isPresent(), "visitType", "unknown-option", "就医类型应为OUTPATIENT、CHRONIC_OUTPATIENT或INPATIENT");
        }
        if (visitDate != null) {
            v.check(!visitDate.isAfter(today), "visitDate", "future-date", "就诊（出院）日期不能晚于今天");
        }
        if (visit.filter(t -> t == VisitType.CHRONIC_OUTPATIENT).isPresent()) {
            v.require("diseaseCode", diseaseCode);
        }
        if (visit.filter(t -> t == VisitType.INPATIENT).isPresent()) {
            v.require("admissionDate", admissionDate);
            if (admissionDate != null && visitDate != null) {
                v.check(!admissionDate.isAfter(visitDate), "admissionDate", "after-discharge", "入院日期不能晚于出院日期");
            }
        }
        if (lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                String at = "lines[" + i + "]";
                if (l == null) {
                    v.add(at, "required", "费用明细不能为空");
                    continue;
                }
                v.require(at + ".code", l.code()).require(at + ".name", l.name()).require(at + ".category", l.category())
                        .require(at + ".amount", l.amount());
                if (l.category() != null && !l.category().isBlank()) {
                    v.check(category(l.category()).isPresent(), at + ".category", "unknown-option", "类别应为甲类、乙类、丙类或自费");
                }
                Money amount = Money.tryParse(l.amount());
                if (l.amount() != null && !l.amount().isBlank()) {
                    v.check(amount != null && !amount.isNegative(), at + ".amount", "invalid-amount", "金额应为不小于0、最多两位小数的数字");
                }
                if (l.unitPrice() != null) {
                    Money price = Money.tryParse(l.unitPrice());
                    v.check(price != null && !price.isNegative(), at + ".unitPrice", "invalid-amount", "单价应为不小于0、最多两位小数的数字");
                }
                if (l.quantity() != null) {
                    v.check(quantity(l.quantity()) != null, at + ".quantity", "invalid-quantity", "数量应为正数");
                }
            }
        }
        v.throwIfAny();
    }

    public Optional<VisitType> visit() {
        if (visitType == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(VisitType.valueOf(visitType.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean wantsAccount() {
        return usePersonalAccount == null || usePersonalAccount;
    }

    /** The lines as stored (category by its enum name, amounts normalised to two decimals). */
    public List<Settlement.Line> storedLines() {
        List<Settlement.Line> out = new ArrayList<>();
        for (Line l : lines) {
            Money amount = Money.parse(l.amount());
            BigDecimal q = l.quantity() == null ? BigDecimal.ONE : quantity(l.quantity());
            Money price = l.unitPrice() == null ? amount : Money.parse(l.unitPrice());
            out.add(new Settlement.Line(l.code().strip(), l.name().strip(), category(l.category()).orElseThrow().name(),
                    q.stripTrailingZeros().toPlainString(), price.toString(), amount.toString()));
        }
        return out;
    }

    /** The calculator's bill lines of stored lines. */
    public static List<BillLine> bill(List<Settlement.Line> lines) {
        return lines.stream().map(l -> new BillLine(l.code(), l.name(), Category.valueOf(l.category()),
                new BigDecimal(l.quantity()), Money.parse(l.unitPrice()), Money.parse(l.amount()))).toList();
    }

    /**
     * What makes two requests "the same bill": a retry must send the same; another bill under a settled invoice number
     * is refused.
     */
    public String fingerprint() {
        StringBuilder b = new StringBuilder().append(idNumber.strip().toUpperCase(Locale.ROOT)).append('|')
                .append(visitType.strip()).append('|').append(visitDate).append('|').append(admissionDate).append('|')
                .append(diseaseCode == null ? "" : diseaseCode.strip()).append('|').append(wantsAccount());
        for (Settlement.Line l : storedLines()) {
            b.append('|').append(l.code()).append(';').append(l.category()).append(';').append(l.quantity()).append(';')
                    .append(l.unitPrice()).append(';').append(l.amount());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Category> category(String text) {
        Optional<Category> byLabel = Category.ofLabel(text);
        if (byLabel.isPresent()) {
            return byLabel;
        }
        try {
            return Optional.of(Category.valueOf(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal quantity(String text) {
        try {
            BigDecimal q = new BigDecimal(text.strip());
            return q.signum() > 0 ? q : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
