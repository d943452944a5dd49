package org.jingban.platform.catalog;

import java.util.List;

/**
 * 消息推送模板, verbatim. 【经办机构落款】 is replaced by the office name; each {@code ***} run by the placeholder
 * named at the same position in {@code placeholders} (称呼, 日期, 原因, 咨询电话 …).
 *
 * @param event completed, failed, evaluation-passed, evaluation-failed
 */
public record MessageTemplate(String event, String text, List<String> placeholders) {

    /** The signature every template starts with. */
    public static final String SIGNATURE = "【经办机构落款】";

    public MessageTemplate {
        placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
    }
}
