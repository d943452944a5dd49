package org.jingban.transfer.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.signing.OfficeNames;
import org.jingban.transfer.Offices;
import org.jingban.transfer.api.TransferEvents;
import org.junit.jupiter.api.Test;

/**
 * 表10 参保人员基本医疗保险信息表 as seed 002 prints it (附件表10): per row 时间（自…至…）, 基本医疗保险类型, 参保缴费月数小计,
 * 统筹地区经办机构名称 and 行政区划代码; 证件类型及号码 and 性别 in the head. The 小计 are months of contribution: a month
 * that two rows share (a 中断 and a 恢复 in the same month) is counted once, in the row that reaches it first.
 */
class InfoSheetsTest {

    private static final Offices OFFICES = new Offices(new OfficeNames(Catalog.load()));

    @Test
    @SuppressWarnings("unchecked")
    void a_month_shared_by_two_periods_counts_once_and_the_id_type_and_issuer_are_printed_as_given() {
        // 2024-01…2024-06 in a unit, 中断 in June, 恢复 in June with a new unit until 2024-12: 12 months, not 13
        List<PersonEvents.Period> periods = List.of(
                new PersonEvents.Period("2024-06", "2024-12", "620600", "u2", "在职职工", "本地"),
                new PersonEvents.Period("2024-01", "2024-06", "620600", "u1", "在职职工", "本地"));
        TransferHooks.InsuranceRecord record = new TransferHooks.InsuranceRecord("t-1", "p-1", "H12345678", "李雷",
                InsuranceTypes.EMPLOYEE_INSURANCE, "620600", periods, 12, "100.00", "e-1", "港澳居民来往内地通行证");
        TransferEvents.ContactLetter letter = new TransferEvents.ContactLetter("t-1", "c-1", "H12345678", "李雷",
                InsuranceTypes.EMPLOYEE_INSURANCE, "620600", "620100", List.of(), Map.of());

        Map<String, Object> sheet = InfoSheets.build(record, letter, OFFICES, LocalDate.of(2026, 11, 29));

        List<Map<String, Object>> rows = (List<Map<String, Object>>) sheet.get("参保缴费记录");
        assertThat(rows).extracting(r -> r.get("时间自")).containsExactly("2024-01", "2024-06");
        assertThat(rows).extracting(r -> r.get("参保缴费月数小计")).containsExactly(6L, 6L);
        assertThat(sheet.get("参保缴费月数合计")).isEqualTo(12L);
        assertThat((Map<String, Object>) sheet.get("证件类型及号码")).containsEntry("证件类型", "港澳居民来往内地通行证");
        assertThat(sheet.get("经办人")).isEqualTo(OFFICES.of("620600").name()).isNotEqualTo("系统");
    }
}
