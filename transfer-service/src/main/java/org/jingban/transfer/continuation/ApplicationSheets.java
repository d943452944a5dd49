package org.jingban.transfer.continuation;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.platform.service.items.IdDocument;
import org.jingban.transfer.Offices;
import org.springframework.web.util.HtmlUtils;

/**
 * 表9 《基本医疗保险关系转移接续申请表》 as seed 002 prints it (附件表9), filled from the application: 编号, 参保人信息
 * (姓名, 性别, 年龄, 证件类型及号码, 联系电话, 户籍地址, 户籍类型, 联系地址, 邮政编码, 现参加的基本医疗保险类型),
 * both offices (机构名称, 联系电话, 行政区划代码, 机构地址, 邮政编码: this system's own offices as the catalog names
 * them, an office elsewhere as the applicant wrote it), the 申请人信息 when someone applies for the insured person,
 * and 申请时间. 性别 and 年龄 come from a 公民身份号码 (身份证, 户口簿, 居住证) when the form leaves them out.
 */
public final class ApplicationSheets {

    /** The name of the sheet in the case's stored form. */
    public static final String FORM_KEY = "表9";

    private ApplicationSheets() {
    }

    public static Map<String, Object> build(TransferApplicationForm form, String number, LocalDate appliedOn,
                                            Offices offices, boolean fromServed, boolean toServed) {
        IdDocument id = form.id() == null ? new IdDocument(IdDocument.RESIDENT_ID, null)
                : new IdDocument(form.id().type() == null ? IdDocument.RESIDENT_ID : form.id().type(), form.id().number());
        boolean citizenNumber = id.isResidentId();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("姓名", form.name());
        person.put("性别", present(form.gender()) ? form.gender() : citizenNumber ? id.gender() : "");
        person.put("年龄", citizenNumber ? Period.between(id.birthDate(), appliedOn).getYears() : "");
        person.put("证件类型及号码", Map.of("证件类型", id.type(), "证件号码", text(id.number())));
        person.put("联系电话", text(form.phone()));
        person.put("户籍地址", text(form.householdAddress()));
        person.put("户籍类型", text(form.householdType()));
        person.put("联系地址", text(form.mailingAddress()));
        person.put("邮政编码", text(form.postalCode()));
        String type = form.enrollmentInsuranceType();
        person.put("现参加的基本医疗保险类型", TransferApplicationForm.OTHER_SCHEME.equals(type)
                ? "其他(" + text(form.otherSchemeNote()) + ")" : InfoSheets.shortType(text(type)));

        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("表", "表9 基本医疗保险关系转移接续申请表");
        sheet.put("编号", number);
        sheet.put("参保人信息", person);
        sheet.put("转出地医疗保障经办机构信息", office(offices, form.fromRegionCode(), fromServed, form.fromOfficeName(),
                form.fromOfficePhone(), form.fromAddress(), form.fromPostalCode()));
        sheet.put("转入地医疗保障经办机构信息", office(offices, form.toRegionCode(), toServed, form.toOfficeName(),
                form.toOfficePhone(), form.toAddress(), form.toPostalCode()));
        TransferApplicationForm.Applicant a = form.applicantInfo();
        if (a != null) {
            Map<String, Object> applicant = new LinkedHashMap<>();
            applicant.put("姓名", text(a.name()));
            applicant.put("证件类型及号码", a.id() == null ? Map.of() : Map.of("证件类型", text(a.id().type()),
                    "证件号码", text(a.id().number())));
            applicant.put("与参保人关系", text(a.relation()));
            applicant.put("联系电话", text(a.phone()));
            applicant.put("联系地址", text(a.address()));
            applicant.put("邮政编码", text(a.postalCode()));
            sheet.put("申请人信息", applicant);
        }
        sheet.put("申请时间", Offices.printedDate(appliedOn));
        return sheet;
    }

    private static Map<String, Object> office(Offices offices, String region, boolean served, String name, String phone,
                                              String address, String postalCode) {
        Offices.OfficeInfo known = served && region != null ? offices.of(region) : null;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("机构名称", known != null ? known.name() : text(name));
        o.put("联系电话", known != null && known.phone() != null ? known.phone() : text(phone));
        o.put("行政区划代码", text(region));
        o.put("机构地址", known != null && known.address() != null ? known.address() : text(address));
        o.put("邮政编码", text(postalCode));
        return o;
    }

    /** The printable 表9 (HTML, A4, no scripts); every value escaped. */
    @SuppressWarnings("unchecked")
    public static String html(Map<String, Object> sheet) {
        Map<String, Object> p = (Map<String, Object>) sheet.getOrDefault("参保人信息", Map.of());
        Map<String, Object> id = (Map<String, Object>) p.getOrDefault("证件类型及号码", Map.of());
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
                .append("<title>基本医疗保险关系转移接续申请表</title><style>@page{size:A4;margin:20mm}")
                .append("body{font-family:'SimSun',serif}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #000;padding:4px 6px}h1{text-align:center}</style></head><body>")
                .append("<h1>基本医疗保险关系转移接续申请表</h1><p>编号：").append(e(sheet.get("编号"))).append("</p>")
                .append("<table><tr><th colspan=\"6\">参保人信息</th></tr>")
                .append(row("姓名", p.get("姓名"), "性别", p.get("性别"), "年龄", p.get("年龄")))
                .append(row("证件类型及号码", idText(id), "联系电话", p.get("联系电话"),
                        "户籍类型", p.get("户籍类型")))
                .append(row("户籍地址", p.get("户籍地址"), "联系地址", p.get("联系地址"), "邮政编码", p.get("邮政编码")))
                .append("<tr><td>现参加的基本医疗保险类型</td><td colspan=\"5\">").append(e(p.get("现参加的基本医疗保险类型")))
                .append("</td></tr></table>");
        for (String side : List.of("转出地医疗保障经办机构信息", "转入地医疗保障经办机构信息")) {
            Map<String, Object> o = (Map<String, Object>) sheet.getOrDefault(side, Map.of());
            h.append("<table><tr><th colspan=\"6\">").append(side).append("</th></tr>")
                    .append(row("机构名称", o.get("机构名称"), "联系电话", o.get("联系电话"), "行政区划代码", o.get("行政区划代码")))
                    .append("<tr><td>机构地址</td><td colspan=\"3\">").append(e(o.get("机构地址"))).append("</td><td>邮政编码</td><td>")
                    .append(e(o.get("邮政编码"))).append("</td></tr></table>");
        }
        Map<String, Object> a = (Map<String, Object>) sheet.get("申请人信息");
        h.append("<table><tr><th colspan=\"6\">申请人信息(若参保人办理，则不需填写)</th></tr>");
        if (a != null) {
            Map<String, Object> aid = (Map<String, Object>) a.getOrDefault("证件类型及号码", Map.of());
            h.append(row("姓名", a.get("姓名"), "证件类型及号码", idText(aid),
                            "与参保人关系", a.get("与参保人关系")))
                    .append(row("联系电话", a.get("联系电话"), "联系地址", a.get("联系地址"), "邮政编码", a.get("邮政编码")));
        }
        return h.append("</table><p>申请人(签字)：　　　　　　申请时间：").append(e(sheet.get("申请时间")))
                .append("</p></body></html>").toString();
    }

    private static String row(String l1, Object v1, String l2, Object v2, String l3, Object v3) {
        return "<tr><td>" + l1 + "</td><td>" + e(v1) + "</td><td>" + l2 + "</td><td>" + e(v2) + "</td><td>" + l3
                + "</td><td>" + e(v3) + "</td></tr>";
    }

    private static String idText(Map<String, Object> id) {
        return java.util.Objects.toString(id.get("证件类型"), "") + " " + java.util.Objects.toString(id.get("证件号码"), "");
    }

    private static String e(Object value) {
        if (value == null) {
            return "";
        }
        return HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
