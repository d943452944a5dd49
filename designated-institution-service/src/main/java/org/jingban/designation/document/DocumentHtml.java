package org.jingban.designation.document;

import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * A document as printable HTML: title, number, every field as a row, lists as numbered lines, the seal block. Every
 * value is escaped (a name like {@code <script>} prints as text).
 */
public final class DocumentHtml {

    /** 表23's 签收 lines, printed first in the receipt block (blank until the 送达 is recorded). */
    private static final List<String> SIGNATURE = List.of("签收人", "签收人联系电话", "签收日期");

    private DocumentHtml() {
    }

    public static String render(IssuedDocument doc) {
        return render(DocumentView.of(doc, null));
    }

    /** With the 签收 block (表23) after the seal: what was recorded, or blank lines to sign on paper. */
    public static String render(DocumentView doc) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(doc.title())).append("</title><style>body{font-family:serif;max-width:720px;margin:2em auto}"
                        + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:6px;text-align:left;"
                        + "vertical-align:top}th{width:30%}.seal{margin-top:2em;text-align:right}.sig{font-size:10px;"
                        + "word-break:break-all;color:#555}.receipt{margin-top:1em}</style></head><body>");
        html.append("<h1>").append(escape(doc.title())).append("</h1>");
        html.append("<p>编号：").append(escape(doc.number())).append("</p><table>");
        for (Map.Entry<String, Object> field : doc.content().entrySet()) {
            if (field.getKey().equals("标题") || field.getKey().equals("编号")) {
                continue;
            }
            html.append("<tr><th>").append(escape(field.getKey())).append("</th><td>").append(value(field.getValue()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        if (doc.seal() != null) {
            html.append("<div class=\"seal\"><p>").append(escape(doc.seal().officeName())).append("（电子签章）</p><p>")
                    .append(escape(String.valueOf(doc.seal().signedAt()))).append("</p><p class=\"sig\">")
                    .append(escape(doc.seal().algorithm())).append(" ").append(escape(doc.seal().certificateSerial()))
                    .append("<br>").append(escape(doc.seal().value())).append("</p></div>");
        }
        if (doc.receipt() != null) {
            html.append("<table class=\"receipt\">");
            Map<String, Object> r = doc.receipt();
            for (String key : SIGNATURE) {
                html.append("<tr><th>").append(escape(key)).append("</th><td>").append(value(r.get(key))).append("</td></tr>");
            }
            for (Map.Entry<String, Object> field : r.entrySet()) {
                if (!SIGNATURE.contains(field.getKey())) {
                    html.append("<tr><th>").append(escape(field.getKey())).append("</th><td>").append(value(field.getValue()))
                            .append("</td></tr>");
                }
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private static String value(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder s = new StringBuilder("<ol>");
            list.forEach(item -> s.append("<li>").append(value(item)).append("</li>"));
            return s.append("</ol>").toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder s = new StringBuilder();
            map.forEach((k, x) -> s.append(escape(String.valueOf(k))).append("：").append(value(x)).append("<br>"));
            return s.toString();
        }
        return escape(v == null ? "" : String.valueOf(v));
    }

    /** HTML-escaped text (the five characters HTML needs; the page is UTF-8, so Chinese stays as it is). */
    public static String escape(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
