package org.jingban.platform.service.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.media.Schema;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.service.items.Delegate;

/**
 * An example of a request body built from its schema, by the catalog's field names (证件号码 a valid 公民身份号码,
 * 统一社会信用代码 a valid code, 金额 a string with two decimals, dates as ISO dates …), so that every documented body
 * has an example a client can send as it stands. A field's own {@code @Schema(example = …)} or enumeration wins.
 * The values are examples (示例), one fictitious person of 武威市凉州区 and one fictitious unit.
 */
final class ExampleBodies {

    static final String ID_NUMBER = withCheck("62060219900101003");          // 男, born 1990-01-01 in 凉州区
    static final String UNIT_CODE = withUnitCheck("91620600MA71A2B3C");
    static final String INSTITUTION_CODE = "H62060200001";
    private static final String REGION = "620600";
    /**
     * Optional blocks an example leaves out: the 被委托人 of 委托办理 ("如无被委托人，无需填写") — the example is the
     * person applying themself; with a 被委托人 it would also need the 授权委托书 and both identity documents.
     */
    private static final Set<String> LEFT_OUT = Set.of(Delegate.FIELD);
    private static final int MAX_DEPTH = 10;

    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> components;

    @SuppressWarnings("rawtypes")
    ExampleBodies(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    Object of(Schema<?> schema) {
        return value(null, schema, 0);
    }

    private Object value(String name, Schema<?> schema, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            String ref = schema.get$ref();
            return value(name, components.get(ref.substring(ref.lastIndexOf('/') + 1)), depth);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.getProperties().forEach((property, propertySchema) -> {
                if (LEFT_OUT.contains(property)) {
                    return;
                }
                Object v = value(property, propertySchema, depth + 1);
                if (v != null) {
                    object.put(property, v);
                }
            });
            return object;
        }
        if ("array".equals(type)) {
            Object item = value(name, schema.getItems(), depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if ("object".equals(type)) {
            return Map.of();
        }
        if ("boolean".equals(type)) {
            return bool(name);
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return integer(name);
        }
        return text(name == null ? "" : name, schema.getFormat());
    }

    /** An example for a path variable naming an identifier (机构编码, 证件号码, 统一社会信用代码), if it names one. */
    static java.util.Optional<String> identifier(String name) {
        String n = name == null ? "" : name;
        if (n.equals("institutionCode")) {
            return java.util.Optional.of(INSTITUTION_CODE);
        }
        if (n.equals("idNumber")) {
            return java.util.Optional.of(ID_NUMBER);
        }
        if (n.equals("unitCode") || n.equals("creditCode")) {
            return java.util.Optional.of(UNIT_CODE);
        }
        return java.util.Optional.empty();
    }

    private static boolean bool(String name) {
        String n = name == null ? "" : name;
        // the conditions an institution declares (是否具有…/设有…/建立…/配有…) and an own account hold in the example
        return n.startsWith("是否具") || n.startsWith("是否设") || n.startsWith("是否建立") || n.startsWith("是否配")
                || n.equals("本人账户") || n.equals("电子票据") || n.equals("usePersonalAccount");
    }

    private static int integer(String name) {
        String n = name == null ? "" : name;
        if (n.equals("年龄")) {
            return 36;
        }
        if (n.contains("年度")) {
            return 2026;
        }
        if (n.contains("月数")) {
            return 12;
        }
        return n.equals("score") ? 5 : 1;
    }

    private static String text(String n, String format) {
        if ("date".equals(format)) {
            return "2026-03-02";
        }
        if ("date-time".equals(format)) {
            return "2026-03-02T10:00:00+08:00";
        }
        if (n.contains("证件类型") || n.equals("relativeIdType")) {
            return "居民身份证";
        }
        if (n.contains("证件号码") || n.contains("身份证号") || n.equalsIgnoreCase("idNumber") || n.equals("relativeIdNumber")) {
            return ID_NUMBER;
        }
        if (n.contains("统一社会信用代码")) {
            return UNIT_CODE;
        }
        if (n.contains("机构编码") || n.equals("institutionCode")) {
            return INSTITUTION_CODE;
        }
        if (n.contains("手机") || n.contains("电话") || n.contains("联系方式") || n.equals("mobile")) {
            return "13912345678";
        }
        if (n.contains("邮编") || n.contains("邮政编码")) {
            return "733000";
        }
        if (n.contains("区划") || n.equals("参保地区") || n.equals("参保地") || n.equals("认定地") || n.equals("就医地")
                || n.equals("regionCode") || n.equals("fromRegionCode")) {
            return REGION;
        }
        if (n.equals("出生日期")) {
            return "1990-01-01";
        }
        if (n.contains("截止日期") || n.contains("结束日期")) {
            return "2029-12-31";
        }
        if (n.contains("成立")) {
            return "2015-06-01";
        }
        if (n.contains("日期") || n.endsWith("Date")) {
            return "2026-03-02";
        }
        if (n.equals("insuranceType")) {
            return "职工基本医疗保险";
        }
        if (n.equals("category")) {
            return "在职职工"; // 人员类别; a field with other options names them (@OneOf)
        }
        if (n.equals("from")) {
            return "2020-01"; // a 参保期间 of the transfer hooks: yyyy-MM
        }
        if (n.equals("to")) {
            return "2025-12";
        }
        if (n.contains("月份") || n.equals("period")) {
            return "2026-02";
        }
        if (n.contains("年度")) {
            return "2026";
        }
        if (n.contains("金额") || n.contains("费用") || n.contains("工资") || n.contains("基数") || n.endsWith("支付")
                || n.contains("单价") || List.of("amount", "total", "balance", "fund", "contributionAmount", "unitPrice")
                .contains(n)) {
            return "100.00";
        }
        if (n.contains("面积")) {
            return "1200"; // 平方米
        }
        if (n.equals("quantity") || n.contains("人数") || n.contains("床位数") || n.contains("数量")) {
            return "1";
        }
        if (n.contains("姓名") || n.equals("name") || n.equals("户名") || n.equals("填报人") || n.equals("异议人")) {
            return "张三";
        }
        if (n.contains("单位名称") || n.contains("机构名称") || n.contains("药店名称") || n.equals("officeName")) {
            return "武威市示例医药有限公司";
        }
        if (n.equals("性别")) {
            return "男";
        }
        if (n.contains("地址") || n.contains("所在地")) {
            return "甘肃省武威市凉州区东大街1号";
        }
        if (n.equals("账号")) {
            return "6222020200112345678";
        }
        if (n.contains("开户行") || n.contains("开户银行")) {
            return "中国工商银行武威分行";
        }
        if (n.equals("渠道")) {
            return "政务服务网"; // Channels
        }
        if (n.equals("state")) {
            return "PROVIDED"; // a supplied material (CaseHandlers): PROVIDED, SHARED or PROMISED
        }
        if (n.contains("票据号码") || n.equals("invoiceNumber")) {
            return "FP2026030200001";
        }
        if (n.equals("idempotencyKey")) {
            return "example-0001";
        }
        return "示例";
    }

    /** The example with each {@code path=value} of {@link BodyExample} set (objects and list items made as needed). */
    @SuppressWarnings("unchecked")
    static Object override(Object example, List<String> overrides) {
        Object root = example == null ? new LinkedHashMap<String, Object>() : copy(example);
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@BodyExample entries read path=value: " + override);
            }
            String[] steps = override.substring(0, eq).split("\\.");
            Object value = parse(override.substring(eq + 1));
            Object at = root;
            for (int i = 0; i < steps.length; i++) {
                String step = steps[i];
                int index = -1;
                if (step.endsWith("]")) {
                    index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                    step = step.substring(0, step.indexOf('['));
                }
                boolean last = i == steps.length - 1;
                Map<String, Object> object = (Map<String, Object>) at;
                if (index < 0) {
                    if (last) {
                        if (value == null) {
                            object.remove(step);
                        } else {
                            object.put(step, value);
                        }
                    } else {
                        at = object.computeIfAbsent(step, k -> new LinkedHashMap<String, Object>());
                    }
                } else {
                    List<Object> list = (List<Object>) object.computeIfAbsent(step, k -> new java.util.ArrayList<>());
                    while (list.size() <= index) {
                        list.add(list.isEmpty() ? new LinkedHashMap<String, Object>() : copy(list.get(list.size() - 1)));
                    }
                    if (last) {
                        list.set(index, value);
                    } else {
                        at = list.get(index);
                    }
                }
            }
        }
        return root;
    }

    /** A deep, mutable copy of maps and lists. */
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new java.util.ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    private static Object parse(String text) {
        String t = text.strip();
        if (t.equals("null")) {
            return null;
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        if (t.startsWith("[") || t.startsWith("{") || t.startsWith("\"")) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readValue(t, Object.class);
        }
        return text;
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String withUnitCheck(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
