package org.jingban.notification.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Office;

/**
 * The values of a message, by value name ({@link TemplateRenderer#valueNames}), taken from a case event and the
 * catalog: 日期 is the application date ({@code submittedOn}), 办结日期 the day the case was completed.
 *
 * <p>Completion details a publishing service puts in {@code CaseEventData.details} (the contract, see the
 * module README): {@code amount} (报销/补贴金额, yuan), {@code validity} (备案有效期 as text) or
 * {@code validFrom}/{@code validUntil} (ISO dates), {@code payee} (收款人), {@code bank} (银行),
 * {@code accountTail} (账号尾号; or {@code account}, of which only the last 4 digits are used).
 */
public final class TemplateValues {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private TemplateValues() {
    }

    /** The office that signs (【经办机构落款】): the item's handling office, else the region's. */
    public static Optional<Office> office(ItemDefinition item, Catalog catalog) {
        if (item.office() != null) {
            return Optional.of(item.office());
        }
        return catalog.office(item.regionCode());
    }

    /**
     * The consult phone: the item's own in the office's guide, else the office's, else the region's office's,
     * else the province office's (武威 prints phones per item only; its province office has one for all).
     */
    public static String consultPhone(ItemDefinition item, Catalog catalog) {
        Optional<Office> office = office(item, catalog);
        String phone = office.map(o -> o.consultPhoneFor(item.name())).orElse(null);
        if (phone == null) {
            phone = catalog.office(item.regionCode()).map(o -> o.consultPhoneFor(item.name())).orElse(null);
        }
        if (phone == null) {
            phone = catalog.office(item.regionCode().substring(0, 2) + "0000").map(Office::consultPhone).orElse(null);
        }
        return phone;
    }

    public static Map<String, String> of(CaseEventData data, ItemDefinition item, Catalog catalog) {
        return of(data, item, catalog, null);
    }

    /**
     * @param completedOn the day the case was completed (办结), for a "您于****年**月**日已完成…" date
     *                    ({@link TemplateRenderer#COMPLETION_DATE}); null for an event that is no completion
     */
    public static Map<String, String> of(CaseEventData data, ItemDefinition item, Catalog catalog,
                                         LocalDate completedOn) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "称呼", addressee(data));
        put(values, "机构名称", institution(data));
        if (data.submittedOn() != null) {
            values.put("日期", date(data.submittedOn()));
        }
        if (completedOn != null) {
            values.put(TemplateRenderer.COMPLETION_DATE, date(completedOn));
        }
        put(values, "原因", reasons(data.reasons()));
        put(values, "咨询电话", consultPhone(item, catalog));
        Map<String, Object> details = data.details() == null ? Map.of() : data.details();
        // A malformed amount or date leaves the value out: the message is then listed as a dead letter naming it.
        put(values, "金额", lenient(() -> amount(details.get("amount"))));
        put(values, "备案有效期", lenient(() -> validity(details)));
        put(values, "收款人", text(details.get("payee")));
        put(values, "银行", text(details.get("bank")));
        put(values, "账号尾号", accountTail(details));
        return values;
    }

    /** 尊敬的***: the applicant (a person, an employer or an institution by its name). */
    static String addressee(CaseEventData data) {
        if (data.applicant() != null && data.applicant().name() != null) {
            return data.applicant().name();
        }
        return data.subject() == null ? null : data.subject().name();
    }

    /** ***(医疗机构名称): the institution the case is about, else the applicant. */
    static String institution(CaseEventData data) {
        if (data.subject() != null && data.subject().kind() == Party.Kind.INSTITUTION && data.subject().name() != null) {
            return data.subject().name();
        }
        return addressee(data);
    }

    public static String date(LocalDate date) {
        return date.format(DATE);
    }

    static String reasons(List<Reason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        return String.join("；", reasons.stream().map(Reason::message).toList());
    }

    static String amount(Object value) {
        if (value == null) {
            return null;
        }
        return new BigDecimal(value.toString().strip()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String validity(Map<String, Object> details) {
        String text = text(details.get("validity"));
        if (text != null) {
            return text;
        }
        String from = text(details.get("validFrom"));
        String until = text(details.get("validUntil"));
        if (from != null && until != null) {
            return date(LocalDate.parse(from)) + "至" + date(LocalDate.parse(until));
        }
        return until == null ? null : "至" + date(LocalDate.parse(until));
    }

    static String accountTail(Map<String, Object> details) {
        String tail = text(details.get("accountTail"));
        if (tail != null) {
            return tail;
        }
        String account = text(details.get("account"));
        if (account == null) {
            return null;
        }
        String digits = account.replaceAll("[^0-9]", "");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }

    private static String lenient(java.util.function.Supplier<String> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }
}
