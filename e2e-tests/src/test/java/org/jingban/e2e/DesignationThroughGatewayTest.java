package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * 主项九 医药机构申请定点协议管理 on the packaged designated-institution-service, through the gateway with dev tokens,
 * on today's calendar: a hospital in 兰州 (统筹地区 620100, national limit 3 months) is told every form problem at
 * once, applies, is accepted (表19, printable), evaluated 合格 and publicised; the 公示 cannot be concluded before its 5
 * working days have passed nor with an objection open. A pharmacy fails its evaluation (表23, sealed) and a new
 * application is barred for 3 months. The rest of the path — 公示 over, 协商谈判, 签订 with its event, and the items after
 * the agreement — needs days to pass: DesignationApplicationTest and AgreementItemsTest drive it with a test clock.
 */
class DesignationThroughGatewayTest extends E2eTest {

    static final String CITY = "620100";
    static final String DISTRICT = "620102"; // 城关区
    static final String BASE = "/api/v1/designated-institutions";

    @Test
    void a_hospital_is_accepted_evaluated_and_publicised_and_a_failed_pharmacy_is_barred() {
        String clerk = api.clerk(CITY);
        String reviewer = api.reviewer(CITY);
        String director = api.staff("DIRECTOR", "director-" + CITY, CITY);

        // 表14: every form problem at once, nothing stored
        String hospitalUscc = newUscc(CITY);
        String hospital = institution(hospitalUscc);
        Map<String, Object> form = hospital(hospitalUscc);
        Map<String, Object> broken = new LinkedHashMap<>(form);
        broken.remove("联系人手机号");
        broken.put("执业地址行政区划", "62");
        Map<String, Object> problem = api.post(BASE + "/applications/medical-institutions", hospital, broken).expect(400);
        assertThat(Api.maps(problem.get("violations")).stream().map(v -> v.get("field")).toList())
                .contains("联系人手机号", "执业地址行政区划");
        assertThat(api.get(BASE + "/cases/mine", hospital).list()).isEmpty();

        // 申请 → 受理 (表19 and 表20)
        Map<String, Object> submitted = api.post(BASE + "/applications/medical-institutions", hospital, form).expect(202);
        String no = (String) submitted.get("caseNumber");
        assertThat(no).startsWith(CITY + "-");
        api.post(BASE + "/cases/" + no + "/accept", clerk, Map.of()).expect(200);
        Api.Reply receipt = api.get(BASE + "/applications/" + no + "/documents/19/html", hospital);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.raw()).contains("甘肃省定点医药机构受理回执", no, "兰州城关康复&amp;护理医院");

        // 评估 by a reviewer (not the clerk who accepted), then 公示 of 5 working days
        Map<String, Object> evaluated = api.post(BASE + "/applications/" + no + "/evaluation", reviewer, Map.of(
                "结果", "合格", "评估方式", "评估小组", "评估意见", "书面、现场评估符合定点条件")).expect(200);
        assertThat(evaluated.get("currentStage")).isEqualTo("公示");
        Map<String, Object> publicised = api.post(BASE + "/applications/" + no + "/publicity", clerk, Map.of()).expect(200);
        String endsOn = (String) Api.map(publicised.get("publicity")).get("endsOn");
        assertThat(endsOn).isNotBlank();
        api.post(BASE + "/applications/" + no + "/objections", clerk, Map.of("异议人", "来电群众",
                "异议内容", "该院夜间急诊无人值守")).expect(200);
        // not before the 公示 is over, not with an objection open, and never by the evaluator
        Map<String, Object> early = api.post(BASE + "/applications/" + no + "/publicity/conclusion", director, null).expect(422);
        assertThat(Api.maps(early.get("violations")).stream().map(v -> v.get("code")).toList())
                .contains("publicity.running", "objection.open");
        // the institution follows its application, without the objector's name
        Map<String, Object> seen = api.get(BASE + "/applications/" + no, hospital).expect(200);
        assertThat(Api.maps(seen.get("objections")).get(0)).doesNotContainKey("objector");
        // another institution sees nothing
        assertThat(api.get(BASE + "/applications/" + no, institution(newUscc(CITY))).status()).isEqualTo(404);

        // a pharmacy fails its evaluation: 表23 with reasons and 整改建议, sealed; a new application is barred 3 months
        String pharmacyUscc = newUscc(CITY);
        String pharmacy = institution(pharmacyUscc);
        String failing = (String) api.post(BASE + "/applications/retail-pharmacies", pharmacy, pharmacy(pharmacyUscc))
                .expect(202).get("caseNumber");
        api.post(BASE + "/cases/" + failing + "/accept", clerk, Map.of()).expect(200);
        api.post(BASE + "/applications/" + failing + "/evaluation", reviewer, Map.of("结果", "不合格", "评估方式", "评估小组",
                "评估意见", "现场评估", "不合格理由", List.of("未设立医保/非医保专区"), "整改建议", List.of("设立医保专区并明确标示")))
                .expect(200);
        Map<String, Object> notice = api.get(BASE + "/applications/" + failing + "/documents/23", pharmacy).expect(200);
        assertThat(notice.get("title")).isEqualTo("甘肃省新增定点医药机构评估不合格告知书");
        assertThat(Api.map(notice.get("seal"))).containsEntry("algorithm", "SM3withSM2");
        Map<String, Object> barred = api.post(BASE + "/applications/retail-pharmacies", pharmacy, pharmacy(pharmacyUscc))
                .expect(422);
        assertThat(Api.maps(barred.get("violations")).stream().map(v -> v.get("code")).toList())
                .containsExactly("barred-3-months");
        // the refused application has its 表22
        String refused = (String) barred.get("caseNumber");
        assertThat(api.get(BASE + "/applications/" + refused + "/documents/22", pharmacy).expect(200).get("number"))
                .isEqualTo(refused + "-BY");
    }

    private String institution(String uscc) {
        return api.token(Map.of("role", "INSTITUTION", "subject", "inst-" + uscc.substring(8), "institution", uscc));
    }

    private List<String> materials(String itemCode) {
        String code = URLEncoder.encode(itemCode, StandardCharsets.UTF_8);
        Map<String, Object> item = api.get("/api/v1/catalog/items/" + code + "?region=" + CITY, null).expect(200);
        return Api.maps(item.get("materials")).stream().filter(m -> m.get("condition") == null)
                .map(m -> (String) m.get("name")).toList();
    }

    private static Map<String, Object> person(String name) {
        return Map.of("姓名", name, "身份证号", newIdNumber(1972), "联系方式", "13909311234");
    }

    private Map<String, Object> hospital(String uscc) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("医疗机构名称", "兰州城关康复&护理医院");
        f.put("法定代表人信息(姓名、身份证号、联系方式)", person("张法人"));
        f.put("主要负责人信息(姓名、身份证号、联系方式)", person("李院长"));
        f.put("实际控制人信息(姓名、身份证号、联系方式)", person("王控制"));
        f.put("医疗机构成立时间", "2019-06-01");
        f.put("医疗机构性质", "营利性");
        f.put("医疗机构等级", "一级");
        f.put("医疗机构类别", "康复医院");
        f.put("统一社会信用代码", uscc);
        f.put("注册地址", "甘肃省兰州市城关区庆阳路1号");
        f.put("医疗机构执业许可证发证机关", "兰州市城关区卫生健康局");
        f.put("医疗机构执业许可证发证日期", "2019-05-01");
        f.put("医疗机构执业许可证登记号", "PDY00002762010217A1001");
        f.put("医疗机构执业许可证有效期限开始日期", "2019-05-01");
        f.put("医疗机构执业许可证有效期限截止日期", "2029-04-30");
        f.put("诊疗科目", "康复医学科；内科");
        f.put("执业地址行政区划", DISTRICT);
        f.put("是否配有专(兼)职医保管理人员", true);
        f.put("是否设有内部医保管理部门", true);
        f.put("是否具有医保管理、财务、统计信息管理、医疗质量安全核心制度", true);
        f.put("是否具有符合医保协议管理要求的信息系统", true);
        f.put("是否设立医保药品、诊疗项目、医疗服务设施、医用耗材、疾病病种等基础数据库", true);
        f.put("银行账户信息(账号、开户行)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行兰州分行"));
        f.put("建筑面积", "3200");
        f.put("编制床位数", "60");
        f.put("实际开放床位数", "50");
        f.put("收费等级", "一级");
        f.put("联系人姓名", "赵联系");
        f.put("联系人手机号", "13809311234");
        f.put("申请协议范围", List.of("门诊", "住院"));
        f.put("申请材料", materials("622036009001"));
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
        f.put("申请材料", materials("622036009002"));
        return f;
    }
}
