package org.jingban.transfer.certificate;

import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/** The printable 表8 (HTML, A4, no scripts); every value escaped. */
final class CertificateHtml {

    private CertificateHtml() {
    }

    @SuppressWarnings("unchecked")
    static String render(InsuranceCertificate c) {
        Map<String, Object> content = c.content();
        Map<String, Object> person = (Map<String, Object>) content.getOrDefault("参保人员基本信息", Map.of());
        Map<String, Object> id = (Map<String, Object>) person.getOrDefault("证件类型及号码", Map.of());
        Map<String, Object> office = (Map<String, Object>) content.getOrDefault("转出地医疗保障经办机构信息", Map.of());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) content.getOrDefault("参保信息", List.of());
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>基本医疗保险参保凭证</title>")
                .append("<style>@page{size:A4;margin:20mm}body{font-family:'SimSun',serif}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #000;padding:4px 6px}h1{text-align:center}.seal{font-size:10px;word-break:break-all}</style>")
                .append("</head><body><h1>基本医疗保险参保凭证</h1>")
                .append("<p>凭证号：").append(e(content.get("凭证号"))).append("　生成日期：").append(e(content.get("生成日期"))).append("</p>")
                .append("<table><tr><th colspan=\"4\">参保人员基本信息</th></tr>")
                .append("<tr><td>参保人员姓名</td><td>").append(e(person.get("参保人员姓名")))
                .append("</td><td>证件类型及号码</td><td>").append(e(id.get("证件类型"))).append(" ").append(e(id.get("证件号码")))
                .append("</td></tr><tr><td>户籍所在地</td><td>").append(e(person.get("户籍所在地")))
                .append("</td><td>户籍类型</td><td>").append(e(person.get("户籍类型"))).append("</td></tr></table>")
                .append("<table><tr><th>基本医疗保险类型</th><th>参保地</th><th>参保时间 起</th><th>参保时间 止</th>")
                .append("<th>其中累计实际缴费月数</th><th>个人账户余额（大写）</th><th>个人账户余额（小写）¥</th></tr>");
        for (Map<String, Object> r : rows) {
            h.append("<tr><td>").append(e(r.get("基本医疗保险类型"))).append("</td><td>").append(e(r.get("参保地")))
                    .append("</td><td>").append(e(r.get("参保时间起"))).append("</td><td>").append(e(r.get("参保时间止")))
                    .append("</td><td>").append(e(r.get("其中累计实际缴费月数"))).append("</td><td>").append(e(r.get("个人账户余额(大写)")))
                    .append("</td><td>").append(e(r.get("个人账户余额(小写)"))).append("</td></tr>");
        }
        h.append("</table><table><tr><th colspan=\"4\">转出地医疗保障经办机构信息</th></tr>")
                .append("<tr><td>机构名称（盖章）</td><td>").append(e(office.get("机构名称"))).append("</td><td>地址</td><td>")
                .append(e(office.get("地址"))).append("</td></tr><tr><td>行政区划代码</td><td>").append(e(office.get("行政区划代码")))
                .append("</td><td>邮政编码</td><td>").append(e(office.get("邮政编码"))).append("</td></tr><tr><td>联系人</td><td>")
                .append(e(office.get("联系人"))).append("</td><td>联系电话</td><td>").append(e(office.get("联系电话")))
                .append("</td></tr></table><p>注意事项：").append(e(content.get("注意事项"))).append("</p>");
        if (c.seal() != null) {
            h.append("<p class=\"seal\">电子签章：").append(e(c.seal().officeName())).append("（").append(e(c.seal().algorithm()))
                    .append("，证书序列号 ").append(e(c.seal().certificateSerial())).append("）<br>签名值：")
                    .append(e(c.seal().value())).append("</p>");
        }
        return h.append("</body></html>").toString();
    }

    private static String e(Object value) {
        if (value == null) {
            return "";
        }
        return HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
