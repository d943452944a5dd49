package org.jingban.enrollment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of this module's tests: the whole service on the shared embedded broker and store
 * (the same configuration as the smoke test, so the context is cached and shared). Tests keep apart by fresh ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
public abstract class EnrollmentTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final String WUWEI = "620600";
    protected static final String LANZHOU = "620100";

    @Autowired
    protected WebTestClient web;

    /** Waits (polling, never asserting on time) until the supplier gives a non-null value. */
    protected static <T> T eventually(Supplier<T> supplier) {
        return org.jingban.platform.test.Eventually.until(TIMEOUT, supplier);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    /** 表1 for a new unit in the region, every required field filled, both materials provided. */
    protected static Map<String, Object> unitForm(String uscc, String region) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("登记类型", "新参保登记");
        form.put("统一社会信用代码", uscc);
        form.put("单位名称", "武威市测试商贸有限公司");
        form.put("单位性质", "企业");
        form.put("通讯地址", "甘肃省武威市凉州区东大街1号");
        form.put("法定代表人信息(姓名、证件类型及号码、电话)", Map.of("姓名", "赵六",
                "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", newIdNumber()), "电话", "13909351234"));
        form.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128",
                "开户行", "中国工商银行武威分行", "户名", "武威市测试商贸有限公司"));
        form.put("参保险种", List.of("职工基本医疗保险", "生育保险"));
        form.put("参保日期", "2026-11-01");
        form.put("参保地区", region);
        form.put("单位经办人员信息(姓名、手机号)", Map.of("姓名", "钱七", "手机号", "13809351234"));
        form.put("申请材料", List.of("《统一社会信用代码证书》或单位批准成立的文件", "《基本医疗保险单位参保信息登记表》"));
        return form;
    }

    /** One 表2 row. */
    protected static Map<String, Object> employeeRow(String name, String idNumber, String wage, String changeType) {
        return Map.of("姓名", name, "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", idNumber),
                "申报工资", wage, "变更类别", changeType, "联系电话", "13709351234");
    }

    /** 表2 of a unit with the given rows and materials. */
    protected static Map<String, Object> employeesForm(String unit, List<String> materials,
                                                               List<Map<String, Object>> rows) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("统一社会信用代码/单位编码", unit);
        form.put("人员类别", "在职职工");
        form.put("参保险种", "职工基本医疗保险");
        form.put("人员明细", rows);
        form.put("申请材料", materials);
        return form;
    }

    protected static final List<String> EMPLOYEE_MATERIALS =
            List.of("《职工基本医疗保险参保登记表》", "参保人员有效身份证件复印件");

    /** A valid 18-digit 居民身份证号码 of someone born in 1980–1999 in Wuwei (620602 凉州区). */
    protected static String newIdNumber() {
        return newIdNumber(1980 + ThreadLocalRandom.current().nextInt(20));
    }

    protected static String newIdNumber(int birthYear) {
        return org.jingban.platform.security.test.TestIdentities.randomIdNumber(birthYear);
    }

    /** A valid 统一社会信用代码 registered in Wuwei. */
    protected static String newUscc() {
        return org.jingban.platform.security.test.TestIdentities.randomUnitCode("620600");
    }

    /** A 城乡居民 insured in the region through 城乡居民参保登记 (即时办结); their 证件号码. */
    protected String resident(String region) {
        String id = newIdNumber(1995);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "居民");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "1995-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "户籍地址");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", region);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form).exchange().expectStatus().isCreated();
        return id;
    }
}
