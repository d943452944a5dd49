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
                    Map<String, String> values = TemplateValues.of(event(item, template), item, CATALOG);
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
                    TemplateValues.of(completed, inpatient, CATALOG));
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
        for (String name : template.placeholders()) {
            if (!text.contains(values.get(name))) {
                problems.add(where + name + " (" + values.get(name) + ") missing: " + text);
            }
        }
        if (template.placeholders().contains("日期") && !text.contains("2026年11月03日")) {
            problems.add(where + "date not filled: " + text);
        }
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
