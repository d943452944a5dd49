package org.jingban.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.MessageTemplate;
import org.jingban.platform.catalog.Office;
import org.junit.jupiter.api.Test;

/**
 * Every template of the catalog, in every region with an office (甘肃 620000, 武威 620600, 松潘 513224), filled from a
 * case event the way the service fills it: nothing left to fill, and every character outside the placeholders exactly
 * the catalog's.
 */
class EveryCatalogTemplateRendersTest {

    static final Catalog CATALOG = Catalog.load();
    static final List<String> REGIONS_WITH_AN_OFFICE = List.of("620000", "620600", "513224");
    static final LocalDate APPLIED = LocalDate.of(2026, 11, 3);
    /** A 承诺件 completed on a later day than it was applied for. */
    static final LocalDate COMPLETED = LocalDate.of(2026, 11, 20);

    @Test
    void every_template_of_every_region_renders_with_real_values_and_keeps_its_fixed_text() {
        List<String> problems = new ArrayList<>();
        int rendered = 0;
        for (String region : REGIONS_WITH_AN_OFFICE) {
            for (ItemDefinition item : CATALOG.items(region)) {
                for (MessageTemplate template : item.templates()) {
                    Office office = TemplateValues.office(item, CATALOG).orElse(null);
                    if (office == null) {
                        problems.add(region + " " + item.code() + ": no office to sign");
                        continue;
                    }
                    Map<String, String> values = TemplateValues.of(event(item, template), item, CATALOG,
                            completedOn(template));
                    String text;
                    try {
                        text = TemplateRenderer.render(template, office.name(), values);
                    } catch (MissingTemplateValuesException e) {
                        problems.add(region + " " + item.code() + " " + template.event() + ": " + e.getMessage());
                        continue;
                    }
                    rendered++;
                    check(region, item, template, office, values, text, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
        // 50 templates in the national layer, offered in each of the three regions (some local items add none).
        assertThat(rendered).isGreaterThanOrEqualTo(3 * 48);
    }

    @Test
    void every_template_has_as_many_star_runs_as_placeholders() {
        for (ItemDefinition item : CATALOG.items()) {
            for (MessageTemplate template : item.templates()) {
                assertThat(TemplateRenderer.placeholderCount(template.text()))
                        .as(item.code() + " " + template.event() + ": " + template.text())
                        .isEqualTo(template.placeholders().size());
            }
        }
    }

    @Test
    void a_completed_transfer_in_wuwei_reads_as_the_catalog_says() {
        ItemDefinition transfer = CATALOG.item("622036003002", "620600");
        CaseEventData completed = new CaseEventData("case-1", "620600-20261103-000001", transfer.code(),
                transfer.name(), "620600", Party.person("620602199001011234", "张三"), null, Channel.PORTAL,
                APPLIED, CaseStatus.COMPLETED, "办结", null, null, null, Map.of(), null, null);
        String text = TemplateRenderer.render(transfer.template("completed").orElseThrow(),
                TemplateValues.office(transfer, CATALOG).orElseThrow().name(),
                TemplateValues.of(completed, transfer, CATALOG));
        // 武威 prints the consult phone per item: 转移接续手续办理 0935-2116031.
        assertThat(text).isEqualTo("【武威市医疗保障局（市医保局窗口）】尊敬的张三,您于2026年11月03日办理的转移接续已完成。"
                + "如有疑问，请咨询0935-2116031。");
    }

    @Test
    void a_missing_amount_is_named_instead_of_sending_stars() {
        ItemDefinition inpatient = CATALOG.item("622036006002", "620600");
        CaseEventData completed = new CaseEventData("case-2", "620600-20261103-000002", inpatient.code(),
                inpatient.name(), "620600", Party.person("620602199001011234", "张三"), null, Channel.PORTAL,
                APPLIED, CaseStatus.COMPLETED, "办结", null, null, null, Map.of(), null, null);
        try {
            TemplateRenderer.render(inpatient.template("completed").orElseThrow(), "武威市医疗保障局",
                    TemplateValues.of(completed, inpatient, CATALOG, COMPLETED));
            throw new AssertionError("rendered without an amount");
        } catch (MissingTemplateValuesException e) {
            assertThat(e.missing()).containsExactly("金额");
        }
    }

    private static void check(String region, ItemDefinition item, MessageTemplate template, Office office,
                              Map<String, String> values, String text, List<String> problems) {
        String where = region + " " + item.code() + " " + template.event() + ": ";
        if (text.contains("*") || text.contains("经办机构落款")) {
            problems.add(where + "placeholder left: " + text);
        }
        if (!text.startsWith("【" + office.name() + "】")) {
            problems.add(where + "not signed by " + office.name() + ": " + text);
        }
        int from = 0;
        for (String fixed : TemplateRenderer.fixedParts(template.text())) {
            int at = text.indexOf(fixed, from);
            if (at < 0) {
                problems.add(where + "fixed text 「" + fixed + "」 changed: " + text);
                return;
            }
            from = at + fixed.length();
        }
        for (String name : TemplateRenderer.valueNames(template)) {
            if (!text.contains(values.get(name))) {
                problems.add(where + name + " (" + values.get(name) + ") missing: " + text);
            }
        }
        boolean completionDate = TemplateRenderer.valueNames(template).contains(TemplateRenderer.COMPLETION_DATE);
        if (template.placeholders().contains("日期")
                && !text.contains(completionDate ? "2026年11月20日" : "2026年11月03日")) {
            problems.add(where + "date not filled: " + text);
        }
    }

    /**
     * Seed 002 (消息推送模板) words its dates two ways, and the catalog's templateConventions calls the mask "the
     * application/handling date" for both: "您于****年**月**日申请的X已完成" / "…办理的X未完成" is the day of the
     * application; "您于****年**月**日已完成X" (and "…日，已完成X", 门诊慢特病) is the day X was completed. A 承诺件
     * applied for on 3 November and completed on 20 November prints each where the text says it.
     */
    @Test
    void a_date_followed_by_yi_wancheng_is_the_completion_date_every_other_date_the_application_date() {
        int completionDates = 0;
        int applicationDates = 0;
        List<String> problems = new ArrayList<>();
        for (String region : REGIONS_WITH_AN_OFFICE) {
            for (ItemDefinition item : CATALOG.items(region)) {
                for (MessageTemplate template : item.templates()) {
                    if (!template.placeholders().contains("日期")) {
                        continue;
                    }
                    String office = TemplateValues.office(item, CATALOG).orElseThrow().name();
                    String text = TemplateRenderer.render(template, office,
                            TemplateValues.of(event(item, template), item, CATALOG, completedOn(template)));
                    String where = region + " " + item.code() + " " + template.event() + ": " + text;
                    if (template.text().matches(".*日[，,]?已完成.*")) {
                        completionDates++;
                        // (a 备案有效期 may start on the application day: only the 您于 date is checked)
                        if (!text.matches(".*您于2026年11月20日[，,]?已完成.*") || text.contains("您于2026年11月03日")) {
                            problems.add("completion date expected: " + where);
                        }
                    } else {
                        applicationDates++;
                        if (!text.contains("您于2026年11月03日") || text.contains("2026年11月20日")) {
                            problems.add("application date expected: " + where);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        // 16 national "…日已完成X" texts and the rest "申请的/办理的…" (completed and failed), in each region
        assertThat(completionDates).isGreaterThanOrEqualTo(3 * 10);
        assertThat(applicationDates).isGreaterThanOrEqualTo(3 * 10);
    }

    @Test
    void the_comma_before_yi_wancheng_and_the_shenqing_de_texts_are_told_apart() {
        MessageTemplate chronic = new MessageTemplate("completed",
                "【经办机构落款】尊敬的***,您于****年**月**日，已完成门诊慢特病病种待遇申请认定。如有疑问，请咨询******(电话)。",
                List.of("称呼", "日期", "咨询电话"));
        MessageTemplate certificate = new MessageTemplate("completed",
                "【经办机构落款】尊敬的***,您于****年**月**日申请的出具《参保凭证》已完成。如有疑问，请咨询******(电话)。",
                List.of("称呼", "日期", "咨询电话"));
        MessageTemplate refused = new MessageTemplate("failed",
                "【经办机构落款】尊敬的***,您于****年**月**日，申请的门诊慢特病种待遇申请认定未审核通过。原因为：***。如有疑问，请咨询******(电话)。",
                List.of("称呼", "日期", "原因", "咨询电话"));

        assertThat(TemplateRenderer.valueNames(chronic)).containsExactly("称呼", "办结日期", "咨询电话");
        assertThat(TemplateRenderer.valueNames(certificate)).containsExactly("称呼", "日期", "咨询电话");
        assertThat(TemplateRenderer.valueNames(refused)).containsExactly("称呼", "日期", "原因", "咨询电话");
    }

    /** A completion's day for a completed template; none for a refusal (its event is no completion). */
    static LocalDate completedOn(MessageTemplate template) {
        return template.event().equals("failed") || template.event().equals("evaluation-failed") ? null : COMPLETED;
    }

    /** The event a service publishes for this template: completed with details, or refused with reasons. */
    static CaseEventData event(ItemDefinition item, MessageTemplate template) {
        boolean failed = template.event().equals("failed") || template.event().equals("evaluation-failed");
        boolean institution = template.event().startsWith("evaluation");
        Party applicant = institution ? Party.institution("H62060200001", "武威市人民医院")
                : Party.person("620602199001011234", "张三");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("amount", "1234.50");
        details.put("validFrom", "2026-11-03");
        details.put("validUntil", "2027-11-02");
        details.put("payee", "张三");
        details.put("bank", "中国农业银行");
        details.put("account", "6228480012345678901");
        return new CaseEventData("case-" + item.code(), item.regionCode() + "-20261103-000001", item.code(), item.name(),
                item.regionCode(), applicant, applicant, Channel.PORTAL, APPLIED,
                failed ? CaseStatus.REFUSED : CaseStatus.COMPLETED, "办结", null, null,
                failed ? List.of(Reason.of("material.missing", "未提供户口簿首页")) : null,
                failed ? null : details, null, null);
    }
}
