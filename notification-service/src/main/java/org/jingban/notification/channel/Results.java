package org.jingban.notification.channel;

import java.util.Map;

/** Short result words for the keyword cards of WeChat and Alipay (the full text is in the inbox). */
final class Results {

    private Results() {
    }

    static String of(String templateEvent) {
        return switch (templateEvent) {
            case "completed" -> "已完成";
            case "failed" -> "未完成";
            case "evaluation-passed" -> "合格";
            case "evaluation-failed" -> "不合格";
            default -> templateEvent;
        };
    }

    static String remark(Map<String, String> values) {
        if (values.containsKey("原因")) {
            return values.get("原因");
        }
        if (values.containsKey("金额")) {
            return "金额" + values.get("金额") + "元";
        }
        if (values.containsKey("备案有效期")) {
            return "有效期" + values.get("备案有效期");
        }
        return "详情请查看消息";
    }
}
