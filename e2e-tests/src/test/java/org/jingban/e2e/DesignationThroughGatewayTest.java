package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * 主项九 医药机构申请定点协议管理 on the packaged designated-institution-service, through the gateway with dev tokens.
 *
 * <p>A hospital in 凉州区 (武威 620600) goes from its application to its agreement: the 公示 lasts 5 working days on the
 * official calendar, so the test restarts designated-institution-service three weeks in the past
 * ({@code jingban.clock.offset=-P21D}, the service's clock only — tokens, events and the other services keep the real
 * one), where the hospital is told every form problem at once, applies, is accepted (表19, printable), evaluated 合格
 * and publicised; the 公示 cannot be concluded before its last day nor with an objection open. Restarted on the real
 * clock, the 公示 is over: concluded, 协商谈判, 签订医保协议 (code, number, validity from today). settlement-service hears
 * of the agreement only through designated-institution-service's {@code agreement.signed} event, and a Wuwei resident's
 * bill is settled at the new hospital through the gateway.
 *
 * <p>A pharmacy in 兰州 (统筹地区 620100, the national chain) fails its evaluation (表23, sealed): a new application is
 * refused until 3 months after the notice is 送达, and the notice is 送达 when the pharmacy signs for it.
 *
 * <p>The 补正 lapse, the 12-month bar and the items after the agreement are driven with a test clock in the service's
 * tests (DesignationApplicationTest, AgreementItemsTest); they are not repeated here.
 */
class DesignationThroughGatewayTest extends E2eTest {

    static final String CITY = "620100";
    static final String DISTRICT = "620102"; // 城关区
    static final String LIANGZHOU = "620602"; // 凉州区, 统筹地区 武威 620600
    static final String BASE = "/api/v1/designated-institutions";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Three weeks: 5 working days of 公示 fit with any holiday of the official calendar (国庆 and 春节 included). */
    static final int DAYS_BACK = 21;

    @Test
    void a_hospital_goes_through_the_publicity_to_its_agreement_and_a_bill_is_settled_there() {
        String clerk = api.clerk(WUWEI);
        String reviewer = api.reviewer(WUWEI);
        String director = api.staff("DIRECTOR", "director-" + WUWEI, WUWEI);
        LocalDate today = LocalDate.now(CHINA);
        String hospitalUscc = newUscc(WUWEI);
        String hospital = institution(hospitalUscc);
        Map<String, Object> form = hospital(hospitalUscc, LIANGZHOU, WUWEI);
        String no;

        // three weeks ago, as far as designated-institution-service can tell
        stack.restart(stack.designation, Map.of("jingban.clock.offset", "-P" + DAYS_BACK + "D"));
        try {
            // 表14: every form problem at once, nothing stored
            Map<String, Object> broken = new LinkedHashMap<>(form);
            broken.remove("联系人手机号");
            broken.put("执业地址行政区划", "62");
            Map<String, Object> problem = api.post(BASE + "/applications/medical-institutions", hospital, broken).expect(400);
            assertThat(Api.maps(problem.get("violations")).stream().map(v -> v.get("field")).toList())
                    .contains("联系人手机号", "执业地址行政区划");
            assertThat(api.get(BASE + "/cases/mine", hospital).list()).isEmpty();

            // 申请 → 受理 (表19 and 表20), on the day three weeks ago
            Map<String, Object> submitted = api.post(BASE + "/applications/medical-institutions", hospital, form).expect(202);
            no = (String) submitted.get("caseNumber");
            assertThat(no).startsWith(WUWEI + "-");
            assertThat(api.get(BASE + "/applications/" + no, hospital).expect(200).get("submittedOn"))
                    .isEqualTo(today.minusDays(DAYS_BACK).toString());
            api.post(BASE + "/cases/" + no + "/accept", clerk, Map.of()).expect(200);
            Api.Reply receipt = api.get(BASE + "/applications/" + no + "/documents/19/html", hospital);
            assertThat(receipt.status()).isEqualTo(200);
            assertThat(receipt.raw()).contains("甘肃省定点医药机构受理回执", no, "凉州康复&amp;护理医院");

            // 评估 by a reviewer (not the clerk who accepted), then 公示 of 5 working days (seed 002 §二十五 组织评估②)
            Map<String, Object> evaluated = api.post(BASE + "/applications/" + no + "/evaluation", reviewer, Map.of(
                    "结果", "合格", "评估方式", "评估小组", "评估意见", "书面、现场评估符合定点条件")).expect(200);
            assertThat(evaluated.get("currentStage")).isEqualTo("公示");
            Map<String, Object> publicised = api.post(BASE + "/applications/" + no + "/publicity", clerk, Map.of()).expect(200);
            LocalDate endsOn = LocalDate.parse((String) Api.map(publicised.get("publicity")).get("endsOn"));
            assertThat(endsOn).isBefore(today);
            api.post(BASE + "/applications/" + no + "/objections", clerk, Map.of("异议人", "来电群众",
                    "异议内容", "该院夜间急诊无人值守")).expect(200);
            // not before the 公示 is over, not with an objection open
            Map<String, Object> early = api.post(BASE + "/applications/" + no + "/publicity/conclusion", director, null)
                    .expect(422);
            assertThat(Api.maps(early.get("violations")).stream().map(v -> v.get("code")).toList())
                    .contains("publicity.running", "objection.open");
            // the institution follows its application, without the objector's name; another institution sees nothing
            Map<String, Object> seen = api.get(BASE + "/applications/" + no, hospital).expect(200);
            assertThat(Api.maps(seen.get("objections")).get(0)).doesNotContainKey("objector");
            assertThat(api.get(BASE + "/applications/" + no, institution(newUscc(WUWEI))).status()).isEqualTo(404);
            api.post(BASE + "/applications/" + no + "/objections/1/resolution", director, Map.of("结论", "不成立",
                    "处理意见", "经核实，夜间急诊有医师值班")).expect(200);
        } finally {
            // the real clock again, for this test and every one after it
            stack.restart(stack.designation, Map.of());
        }

        // today: the 公示 is over — concluded (not by the evaluator), 协商谈判, signed within 5 working days
        assertThat(api.post(BASE + "/applications/" + no + "/publicity/conclusion", reviewer, null).expect(422)
                .toString()).contains("separation-of-duties");
        assertThat(api.post(BASE + "/applications/" + no + "/publicity/conclusion", director, null).expect(200)
                .get("currentStage")).isEqualTo("协商谈判");
        Map<String, Object> negotiated = api.post(BASE + "/applications/" + no + "/negotiation", reviewer, Map.of(
                "结果", "达成一致", "协议范围", List.of("门诊", "住院"), "说明", "按协议文本达成一致")).expect(200);
        assertThat(LocalDate.parse((String) Api.map(negotiated.get("negotiation")).get("signBy"))).isAfter(today);
        Map<String, Object> signed = api.post(BASE + "/applications/" + no + "/agreement", director, null).expect(200);
        assertThat(signed.get("status")).isEqualTo("COMPLETED");
        String code = (String) signed.get("institutionCode");
        assertThat(code).matches("H" + LIANGZHOU + "\\d{5}");

        // the agreement, as the hospital (now with its code) sees it and prints it
        String designated = institution(code);
        Map<String, Object> agreement = api.get(BASE + "/agreements/" + code, designated).expect(200);
        assertThat(agreement).containsEntry("status", "ACTIVE").containsEntry("validFrom", today.toString())
                .containsEntry("agreementNumber", "YBXY-" + code + "-" + today.toString().replace("-", ""));
        assertThat(api.get(BASE + "/agreements/" + code + "/document/html", designated).raw())
                .contains("医疗保障定点服务协议", code);

        // settlement-service knows the hospital only from the agreement.signed event: a Wuwei resident's bill of today,
        // 1000.00 — 甲类 300, 乙类 500, 丙类 200; EXAMPLE policy, 城乡居民, 二级, first visit: 乙类先行自付 50,
        // eligible 750, (750 − 100 起付线) × 50% = 325.00 from the fund
        String resident = resident(WUWEI, 1986);
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", "WWD" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        bill.put("idNumber", resident);
        bill.put("visitType", "OUTPATIENT");
        bill.put("visitDate", today.toString());
        bill.put("lines", List.of(
                Map.of("code", "XY001", "name", "阿莫西林胶囊", "category", "甲类", "quantity", "2", "unitPrice", "150.00", "amount", "300.00"),
                Map.of("code", "JC002", "name", "彩色多普勒超声检查", "category", "乙类", "quantity", "1", "unitPrice", "500.00", "amount", "500.00"),
                Map.of("code", "ZF003", "name", "保健品", "category", "丙类", "quantity", "1", "unitPrice", "200.00", "amount", "200.00")));
        String hospitalWithCode = api.token(Map.of("role", "INSTITUTION", "subject", "inst-" + code, "institution", code));
        Map<String, Object> settled = eventually("settlement-service has the agreement and the resident",
                () -> api.post("/api/v1/settlement/settlements", hospitalWithCode, bill).expect(201));
        assertThat(settled).containsEntry("status", "SETTLED").containsEntry("fund", "325.00");
    }

    @Test
    void a_pharmacy_failing_its_evaluation_is_barred_for_3_months_from_the_notice_it_signs_for() {
        String clerk = api.clerk(CITY);
        String reviewer = api.reviewer(CITY);
        LocalDate today = LocalDate.now(CHINA);
        String pharmacyUscc = newUscc(CITY);
        String pharmacy = institution(pharmacyUscc);
        String failing = (String) api.post(BASE + "/applications/retail-pharmacies", pharmacy, pharmacy(pharmacyUscc))
                .expect(202).get("caseNumber");
        assertThat(failing).startsWith(CITY + "-");
        api.post(BASE + "/cases/" + failing + "/accept", clerk, Map.of()).expect(200);
        api.post(BASE + "/applications/" + failing + "/evaluation", reviewer, Map.of("结果", "不合格", "评估方式", "评估小组",
                "评估意见", "现场评估", "不合格理由", List.of("未设立医保/非医保专区"), "整改建议", List.of("设立医保专区并明确标示")))
                .expect(200);
        // 表23 with reasons and 整改建议, sealed; its 签收 block waits for the 送达
        Map<String, Object> notice = api.get(BASE + "/applications/" + failing + "/documents/23", pharmacy).expect(200);
        assertThat(notice.get("title")).isEqualTo("甘肃省新增定点医药机构评估不合格告知书");
        assertThat(Api.map(notice.get("seal"))).containsEntry("algorithm", "SM3withSM2");
        assertThat(Api.map(notice.get("receipt"))).containsEntry("送达状态", "尚未送达");

        // seed 002 §二十六 组织评估③ "自结果告知送达之日起，整改3个月后可再次申请评估": not delivered, not begun
        Map<String, Object> undelivered = api.post(BASE + "/applications/retail-pharmacies", pharmacy, pharmacy(pharmacyUscc))
                .expect(422);
        assertThat(Api.maps(undelivered.get("violations")).stream().map(v -> v.get("code")).toList())
                .containsExactly("barred-3-months");
        assertThat(undelivered.toString()).contains("尚未送达");

        // the pharmacy signs for it online (电子送达, today): 3 months from today
        Map<String, Object> delivered = api.post(BASE + "/applications/" + failing + "/documents/23/delivery", pharmacy,
                Map.of("签收人", "郑店长", "签收人联系电话", "13709319876")).expect(200);
        String reapplyFrom = today.plusMonths(3).toString();
        assertThat(Api.map(delivered.get("receipt"))).containsEntry("送达方式", "电子送达")
                .containsEntry("签收日期", today.toString()).containsEntry("可再次申请日期", reapplyFrom);
        Map<String, Object> barred = api.post(BASE + "/applications/retail-pharmacies", pharmacy, pharmacy(pharmacyUscc))
                .expect(422);
        assertThat(Api.maps(barred.get("violations")).stream().map(v -> v.get("code")).toList())
                .containsExactly("barred-3-months");
        assertThat(barred.toString()).contains(today + "送达", reapplyFrom);
        // the refused application has its 表22
        String refused = (String) barred.get("caseNumber");
        assertThat(api.get(BASE + "/applications/" + refused + "/documents/22", pharmacy).expect(200).get("number"))
                .isEqualTo(refused + "-BY");
    }

    private String institution(String uscc) {
        return api.token(Map.of("role", "INSTITUTION", "subject", "inst-" + uscc.substring(8), "institution", uscc));
    }

    private List<String> materials(String itemCode, String region) {
        String code = URLEncoder.encode(itemCode, StandardCharsets.UTF_8);
        Map<String, Object> item = api.get("/api/v1/catalog/items/" + code + "?region=" + region, null).expect(200);
        return Api.maps(item.get("materials")).stream().filter(m -> m.get("condition") == null)
                .map(m -> (String) m.get("name")).toList();
    }

    private static Map<String, Object> person(String name) {
        return Map.of("姓名", name, "身份证号", newIdNumber(1972), "联系方式", "13909311234");
    }

    /** 表14 of a 二级 hospital in the 区划, its materials as the region's catalog lists them. */
    private Map<String, Object> hospital(String uscc, String division, String region) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("医疗机构名称", "凉州康复&护理医院");
        f.put("法定代表人信息(姓名、身份证号、联系方式)", person("张法人"));
        f.put("主要负责人信息(姓名、身份证号、联系方式)", person("李院长"));
        f.put("实际控制人信息(姓名、身份证号、联系方式)", person("王控制"));
        f.put("医疗机构成立时间", "2019-06-01");
        f.put("医疗机构性质", "营利性");
        f.put("医疗机构等级", "二级");
        f.put("医疗机构类别", "康复医院");
        f.put("统一社会信用代码", uscc);
        f.put("注册地址", "甘肃省武威市凉州区南大街1号");
        f.put("医疗机构执业许可证发证机关", "武威市凉州区卫生健康局");
        f.put("医疗机构执业许可证发证日期", "2019-05-01");
        f.put("医疗机构执业许可证登记号", "PDY00002762010217A1001");
        f.put("医疗机构执业许可证有效期限开始日期", "2019-05-01");
        f.put("医疗机构执业许可证有效期限截止日期", "2029-04-30");
        f.put("诊疗科目", "康复医学科；内科");
        f.put("执业地址行政区划", division);
        f.put("是否配有专(兼)职医保管理人员", true);
        f.put("是否设有内部医保管理部门", true);
        f.put("是否具有医保管理、财务、统计信息管理、医疗质量安全核心制度", true);
        f.put("是否具有符合医保协议管理要求的信息系统", true);
        f.put("是否设立医保药品、诊疗项目、医疗服务设施、医用耗材、疾病病种等基础数据库", true);
        f.put("银行账户信息(账号、开户行)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行武威分行"));
        f.put("建筑面积", "3200");
        f.put("编制床位数", "60");
        f.put("实际开放床位数", "50");
        f.put("收费等级", "二级");
        f.put("联系人姓名", "赵联系");
        f.put("联系人手机号", "13809351234");
        f.put("申请协议范围", List.of("门诊", "住院"));
        f.put("申请材料", materials("622036009001", region));
        return f;
    }

    private Map<String, Object> pharmacy(String uscc) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("零售药店名称", "城关益民大药房");
        f.put("成立日期", "2021-03-01");
        f.put("法定代表人信息(姓名、身份证号、联系方式)", person("孙法人"));
        f.put("企业负责人信息(姓名、身份证号、联系方式)", person("周负责"));
        f.put("实际控制人信息(姓名、身份证号、联系方式)", person("吴控制"));
        f.put("统一社会信用代码", uscc);
        f.put("药品经营许可证证号", "甘AA9310001");
        f.put("药品经营许可证发证日期", "2021-02-01");
        f.put("药品经营许可证有效期截止日期", "2031-01-31");
        f.put("药品经营许可证发证机关", "兰州市市场监督管理局");
        f.put("经营方式", "零售");
        f.put("经营范围", "中成药、化学药制剂");
        f.put("经济类型", "私营");
        f.put("注册地址", "甘肃省兰州市城关区张掖路8号");
        f.put("仓库地址", "甘肃省兰州市城关区张掖路8号");
        f.put("营业地址行政区划", DISTRICT);
        f.put("经营药品品种数量", "1200");
        f.put("医保目录内药品数量", "800");
        f.put("药店负责人姓名", "郑店长");
        f.put("药店负责人手机号", "13709319876");
        f.put("是否配有专(兼)职医保管理人员", true);
        f.put("是否具备与医疗保障政策对应的内部管理制度和财务制度", true);
        f.put("是否建立药品进销存信息系统", true);
        f.put("是否设立医保/非医保专区，并有明确标示", false);
        f.put("是否经营中药饮片", false);
        f.put("执业药师人数", "1");
        f.put("从业药师人数", "2");
        f.put("药师总人数", "3");
        f.put("申请协议范围", List.of("药品零售"));
        f.put("申请材料", materials("622036009002", CITY));
        return f;
    }
}
