package org.jingban.notification.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jingban.platform.catalog.MessageTemplate;

/**
 * Fills a catalog message template (消息推送模板) and leaves every other character as the catalog has it.
 *
 * <p>The catalog marks each value with a run of {@code *}: {@code 尊敬的***}, {@code ****年**月**日} (one date),
 * {@code ******(电话)}, {@code ***(医疗机构名称)}, {@code 报销金额***元}. A run followed by a bracketed note names
 * what goes there; the note is part of the placeholder and is replaced with it. The runs are matched, in
 * order, to {@link MessageTemplate#placeholders()}; {@code 【经办机构落款】} becomes {@code 【office name】}: the
 * bracketed signature every Chinese SMS starts with.
 *
 * <p>Which date a {@code ****年**月**日} is. The catalog names every date 日期 and its templateConventions call it
 * "the application/handling date", but seed 002's texts use it two ways: "您于****年**月**日申请的X已完成/未完成",
 * "…办理的X未完成" — the day the applicant applied — and "您于****年**月**日已完成X" (also "…日，已完成X") — the day
 * X was completed. So a 日期 directly followed by 已完成 (optionally after "，") takes the value
 * {@value #COMPLETION_DATE} (the day the case was completed); every other 日期 the application date
 * ({@link #valueNames}).
 */
public final class TemplateRenderer {

    /** The value name of a date that says when something was completed ("您于****年**月**日已完成…"). */
    public static final String COMPLETION_DATE = "办结日期";

    /** 【经办机构落款】, a whole date mask, or a star run with its optional bracketed note. */
    static final Pattern TOKEN = Pattern.compile(Pattern.quote(MessageTemplate.SIGNATURE)
            + "|\\*{4}年\\*{2}月\\*{2}日|\\*+(?:\\([^()*]{1,12}\\))?");

    static final String DATE_MASK = "****年**月**日";
    /** What follows a date that is the completion's: 已完成, possibly after a comma. */
    static final Pattern COMPLETED_AFTER = Pattern.compile("^[，,]?已完成");

    private TemplateRenderer() {
    }

    /**
     * @param values by value name ({@link #valueNames}: 称呼, 日期, 办结日期, 原因, 咨询电话, 金额, 备案有效期, 机构名称,
     *               收款人, 银行, 账号尾号)
     * @throws MissingTemplateValuesException listing every placeholder without a value, or a template whose star
     *                                        runs do not match its placeholder list
     */
    public static String render(MessageTemplate template, String officeName, Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        if (blank(officeName)) {
            missing.add("经办机构落款");
        }
        List<String> names = valueNames(template);
        int runs = placeholderCount(template.text());
        if (runs != names.size()) {
            throw new MissingTemplateValuesException(List.of(), "模板有" + runs + "处待填内容，但列出了" + names.size()
                    + "个占位符：" + template.text());
        }
        for (String name : names) {
            if (blank(values.get(name)) && !missing.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingTemplateValuesException(missing, "缺少消息模板所需的内容：" + String.join("、", missing));
        }
        Matcher m = TOKEN.matcher(template.text());
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (m.find()) {
            String replacement = m.group().equals(MessageTemplate.SIGNATURE)
                    ? "【" + officeName.strip() + "】"
                    : values.get(names.get(next++)).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The name of the value each placeholder takes, in order: the catalog's {@link MessageTemplate#placeholders()},
     * except that a 日期 whose date mask is directly followed by 已完成 (or "，已完成") takes {@link #COMPLETION_DATE}.
     * A template whose star runs do not match its placeholder list gets the list as it is ({@link #render} says so).
     */
    public static List<String> valueNames(MessageTemplate template) {
        List<String> names = template.placeholders();
        List<String> result = new ArrayList<>(names.size());
        String text = template.text();
        Matcher m = TOKEN.matcher(text);
        int next = 0;
        while (m.find()) {
            if (m.group().equals(MessageTemplate.SIGNATURE)) {
                continue;
            }
            if (next >= names.size()) {
                return names;
            }
            String name = names.get(next++);
            boolean completion = "日期".equals(name) && m.group().equals(DATE_MASK)
                    && COMPLETED_AFTER.matcher(text.substring(m.end())).find();
            result.add(completion ? COMPLETION_DATE : name);
        }
        return next == names.size() ? List.copyOf(result) : names;
    }

    /** The star runs (a date counts once) of a template text, not counting the signature. */
    public static int placeholderCount(String text) {
        Matcher m = TOKEN.matcher(text);
        int count = 0;
        while (m.find()) {
            if (!m.group().equals(MessageTemplate.SIGNATURE)) {
                count++;
            }
        }
        return count;
    }

    /** The fixed text between the placeholders, in order: what a rendering must keep character for character. */
    public static List<String> fixedParts(String text) {
        return List.of(TOKEN.split(text, -1)).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
