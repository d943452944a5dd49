package org.jingban.designation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The forms (表14, 表15) and the whole path of an application to its agreement, through HTTP as the institution and
 * four staff members of the region (a clerk, two reviewers, a director) would take it, the clock moved as needed.
 */
public final class Designations {

    public static final String BASE = "/api/v1/designated-institutions";

    private final WebTestClient http;
    private final Catalog catalog;
    private final TestClock clock;

    public Designations(WebTestClient http, Catalog catalog, TestClock clock) {
        this.http = http;
        this.catalog = catalog;
        this.clock = clock;
    }

    public static Map<String, Object> person(String name) {
        return Map.of("姓名", name, "身份证号", TestIdentities.randomIdNumber(1970), "联系方式", "13909350001");
    }

    /** 表14 with every one of its 29 required fields, in 凉州区 (620602) unless said otherwise. */
    public Map<String, Object> hospital(String creditCode, String name, String division) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("医疗机构名称", name);
        f.put("法定代表人信息(姓名、身份证号、联系方式)", person("张法人"));
        f.put("主要负责人信息(姓名、身份证号、联系方式)", person("李院长"));
        f.put("实际控制人信息(姓名、身份证号、联系方式)", person("王控制"));
        f.put("医疗机构成立时间", "2020-05-01");
        f.put("医疗机构性质", "非营利性");
        f.put("医疗机构等级", "二级甲等");
        f.put("医疗机构类别", "综合医院");
        f.put("统一社会信用代码", creditCode);
        f.put("注册地址", "甘肃省武威市凉州区东大街1号");
        f.put("医疗机构执业许可证发证机关", "武威市卫生健康委员会");
        f.put("医疗机构执业许可证发证日期", "2020-04-01");
        f.put("医疗机构执业许可证登记号", "PDY00001262060211A1001");
        f.put("医疗机构执业许可证有效期限开始日期", "2020-04-01");
        f.put("医疗机构执业许可证有效期限截止日期", "2030-03-31");
        f.put("诊疗科目", "内科；外科；妇产科；儿科");
        f.put("执业地址行政区划", division);
        f.put("是否配有专(兼)职医保管理人员", true);
        f.put("是否设有内部医保管理部门", true);
        f.put("是否具有医保管理、财务、统计信息管理、医疗质量安全核心制度", true);
        f.put("是否具有符合医保协议管理要求的信息系统", true);
        f.put("是否设立医保药品、诊疗项目、医疗服务设施、医用耗材、疾病病种等基础数据库", true);
        f.put("银行账户信息(账号、开户行)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行武威分行"));
        f.put("建筑面积", "12000.5");
        f.put("编制床位数", "200");
        f.put("实际开放床位数", "180");
        f.put("收费等级", "二级");
        f.put("联系人姓名", "赵联系");
        f.put("联系人手机号", "13809351234");
        f.put("申请协议范围", List.of("门诊", "住院"));
        f.put("申请材料", materials("622036009001", division.startsWith("5132") ? "513224" : "620600"));
        return f;
    }

    /** 表15 with every one of its 28 required fields. */
    public Map<String, Object> pharmacy(String creditCode, String name, String division) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("零售药店名称", name);
        f.put("成立日期", "2021-03-01");
        f.put("法定代表人信息(姓名、身份证号、联系方式)", person("孙法人"));
        f.put("企业负责人信息(姓名、身份证号、联系方式)", person("周负责"));
        f.put("实际控制人信息(姓名、身份证号、联系方式)", person("吴控制"));
        f.put("统一社会信用代码", creditCode);
        f.put("药品经营许可证证号", "甘CB9350001");
        f.put("药品经营许可证发证日期", "2021-02-01");
        f.put("药品经营许可证有效期截止日期", "2031-01-31");
        f.put("药品经营许可证发证机关", "武威市市场监督管理局");
        f.put("经营方式", "零售");
        f.put("经营范围", "中药饮片、中成药、化学药制剂、生物制品");
        f.put("经济类型", "私营");
        f.put("注册地址", "甘肃省武威市凉州区北关街8号");
        f.put("仓库地址", "甘肃省武威市凉州区北关街8号");
        f.put("营业地址行政区划", division);
        f.put("经营药品品种数量", "1500");
        f.put("医保目录内药品数量", "900");
        f.put("药店负责人姓名", "郑店长");
        f.put("药店负责人手机号", "13709359876");
        f.put("是否配有专(兼)职医保管理人员", true);
        f.put("是否具备与医疗保障政策对应的内部管理制度和财务制度", true);
        f.put("是否建立药品进销存信息系统", true);
        f.put("是否设立医保/非医保专区，并有明确标示", true);
        f.put("是否经营中药饮片", false);
        f.put("执业药师人数", "2");
        f.put("从业药师人数", "3");
        f.put("药师总人数", "5");
        f.put("申请协议范围", List.of("药品零售"));
        f.put("申请材料", materials("622036009002", division.startsWith("5132") ? "513224" : "620600"));
        return f;
    }

    public List<String> materials(String item, String region) {
        return catalog.item(item, region).materials().stream().filter(m -> m.condition() == null).map(Material::name).toList();
    }

    public WebTestClient.ResponseSpec applyHospital(Map<String, Object> form) {
        return http.post().uri(BASE + "/applications/medical-institutions")
                .headers(h -> h.setBearerAuth(TestTokens.institution((String) form.get("统一社会信用代码"))))
                .bodyValue(form).exchange();
    }

    public WebTestClient.ResponseSpec applyPharmacy(Map<String, Object> form) {
        return http.post().uri(BASE + "/applications/retail-pharmacies")
                .headers(h -> h.setBearerAuth(TestTokens.institution((String) form.get("统一社会信用代码"))))
                .bodyValue(form).exchange();
    }

    public WebTestClient.ResponseSpec post(String path, String token, Object body) {
        return http.post().uri(BASE + path).headers(h -> h.setBearerAuth(token)).bodyValue(body == null ? Map.of() : body)
                .exchange();
    }

    public JsonNode ok(String path, String token, Object body) {
        return body(post(path, token, body).expectStatus().isOk());
    }

    public JsonNode get(String path, String token) {
        return body(http.get().uri(BASE + path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk());
    }

    public static JsonNode body(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The staff of a region: 受理 clerk, reviewers (评估, 协商谈判), a director (异议, 公示结论, 签订). */
    public record Staff(String clerk, String reviewer, String director) {
        public static Staff of(String region) {
            return new Staff(TestTokens.clerk("clerk-" + region, region), TestTokens.reviewer("reviewer-" + region, region),
                    TestTokens.director("director-" + region, region));
        }
    }

    /**
     * An application accepted, evaluated 合格, publicised (5 working days from the next day), negotiated and signed;
     * the clock ends on the day of signing. The case number.
     */
    public String designate(String caseNumber, String region, List<String> scope) {
        Staff s = Staff.of(region);
        ok("/cases/" + caseNumber + "/accept", s.clerk(), null);
        ok("/applications/" + caseNumber + "/evaluation", s.reviewer(), Map.of("结果", "合格", "评估方式", "评估小组",
                "评估意见", "书面和现场评估：符合定点条件"));
        JsonNode publicity = ok("/applications/" + caseNumber + "/publicity", s.clerk(), Map.of());
        clock.on(java.time.LocalDate.parse(publicity.get("publicity").get("endsOn").asString()).plusDays(1));
        ok("/applications/" + caseNumber + "/publicity/conclusion", s.director(), null);
        ok("/applications/" + caseNumber + "/negotiation", s.reviewer(), Map.of("结果", "达成一致", "协议范围", scope,
                "说明", "按协议文本达成一致"));
        return ok("/applications/" + caseNumber + "/agreement", s.director(), null).get("institutionCode").asString();
    }
}
