package org.jingban.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.jingban.platform.security.test.TestIdentities;

/**
 * Base of the scenarios: the shared {@link LocalStack}, its gateway client, fresh valid identifiers and the forms the
 * scenarios fill. Results that arrive by events are awaited (polling until a condition holds, never timed).
 */
@WithLocalStack
abstract class E2eTest {

    static final String WUWEI = "620600";
    static final String LANZHOU = "620100";
    static final String EMPLOYEE = "职工基本医疗保险";

    final LocalStack stack = LocalStack.get();
    final Api api = stack.api;

    /** Polls (through the gateway) until the call gives a non-null value; exceptions count as "not yet". */
    static <T> T eventually(String what, Callable<T> call) {
        return Awaitility.await(what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .pollDelay(Duration.ZERO).ignoreExceptions().until(call, v -> v != null);
    }

    /** A valid 居民身份证号码 (凉州区 620602, born in the given year). */
    static String newIdNumber(int birthYear) {
        return TestIdentities.randomIdNumber(birthYear);
    }

    /** A valid 统一社会信用代码 of a company registered in the region. */
    static String newUscc(String region) {
        return TestIdentities.randomUnitCode(region);
    }

    /** A 城乡居民 insured in the region (enrollment-service, 即时办结); their 证件号码. */
    String resident(String region, int birthYear) {
        String id = newIdNumber(birthYear);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "备案人");
        form.put("证件类型及号码", idDoc(id));
        form.put("出生日期", birthYear + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省武威市凉州区");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", region);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        api.post("/api/v1/enrollment/residents", api.person(id), form).expect(201);
        return id;
    }

    static Map<String, Object> idDoc(String idNumber) {
        return Map.of("证件类型", "居民身份证", "证件号码", idNumber);
    }

    /** 表1 of a new unit in the region, every required field and both materials. */
    static Map<String, Object> unitForm(String uscc, String name, String region) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("登记类型", "新参保登记");
        form.put("统一社会信用代码", uscc);
        form.put("单位名称", name);
        form.put("单位性质", "企业");
        form.put("通讯地址", "甘肃省" + name + "经营地址1号");
        form.put("法定代表人信息(姓名、证件类型及号码、电话)", Map.of("姓名", "赵六", "证件类型及号码", idDoc(newIdNumber(1975)),
                "电话", "13909351234"));
        form.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128",
                "开户行", "中国工商银行", "户名", name));
        form.put("参保险种", List.of(EMPLOYEE, "生育保险"));
        form.put("参保日期", "2026-11-01");
        form.put("参保地区", region);
        form.put("单位经办人员信息(姓名、手机号)", Map.of("姓名", "钱七", "手机号", "13809351234"));
        form.put("申请材料", List.of("《统一社会信用代码证书》或单位批准成立的文件", "《基本医疗保险单位参保信息登记表》"));
        return form;
    }

    static final List<String> EMPLOYEE_MATERIALS = List.of("《职工基本医疗保险参保登记表》", "参保人员有效身份证件复印件");

    static Map<String, Object> employeeRow(String name, String idNumber, String wage, String changeType) {
        return Map.of("姓名", name, "证件类型及号码", idDoc(idNumber), "申报工资", wage, "变更类别", changeType,
                "联系电话", "13709351234");
    }

    static Map<String, Object> employeesForm(String uscc, List<String> materials, List<Map<String, Object>> rows) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("统一社会信用代码/单位编码", uscc);
        form.put("人员类别", "在职职工");
        form.put("参保险种", EMPLOYEE);
        form.put("人员明细", rows);
        form.put("申请材料", materials);
        return form;
    }

    /** 受理 by a clerk, 审核 and 办结 by a reviewer of the region: the shared case endpoints of the service's area. */
    void handle(String area, String caseNumber, String region) {
        String cases = "/api/v1/" + area + "/cases/" + caseNumber;
        api.post(cases + "/accept", api.clerk(region), Map.of()).expect(200);
        api.post(cases + "/advance", api.reviewer(region), Map.of("stage", "审核", "remark", "符合条件")).expect(200);
        api.post(cases + "/complete", api.reviewer(region), Map.of()).expect(200);
    }

    /** 参保人员参保信息查询 through the gateway. */
    Map<String, Object> personQuery(String token, String idNumber) {
        return api.post("/api/v1/enrollment/persons/lookup", token, Map.of("证件号码", idNumber)).expect(200);
    }

    static Map<String, Object> insurance(Map<String, Object> person, String type, String region) {
        return Api.maps(person.get("insurances")).stream()
                .filter(i -> type.equals(i.get("insuranceType")) && region.equals(i.get("regionCode"))).findFirst()
                .orElse(null);
    }
}
