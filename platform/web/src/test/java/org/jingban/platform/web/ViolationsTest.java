package org.jingban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void every_problem_is_collected_before_refusing() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("姓名", "张三");
        fields.put("证件类型及号码", " ");
        fields.put("申请材料", List.of());

        Violations violations = new Violations()
                .requireAll(fields, List.of("姓名", "证件类型及号码", "申请材料", "联系电话"))
                .check(false, "参保地", "not-served", "参保地不在本统筹区");

        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.type()).isEqualTo("urn:jingban:problem:validation-failed");
                    assertThat(problem.violations()).containsExactly(
                            Violation.required("证件类型及号码"),
                            Violation.required("申请材料"),
                            Violation.required("联系电话"),
                            new Violation("参保地", "not-served", "参保地不在本统筹区"));
                });
    }

    @Test
    void nothing_collected_means_no_refusal() {
        Violations violations = new Violations().require("姓名", "张三").check(true, "年龄", "too-young", "未满16周岁");

        violations.throwIfAny();

        assertThat(violations.isEmpty()).isTrue();
    }
}
