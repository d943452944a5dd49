package org.jingban.designation.agreement;

import java.util.List;

import org.jingban.platform.web.problem.Violations;

/** 医疗机构等级 as the forms (表14, 信息变更, the import) take it: 一级/二级/三级, with 甲乙丙等 or not, or 未定级. */
public final class Levels {

    public static final List<String> LEVELS = List.of("一级", "二级", "三级", "未定级");

    private Levels() {
    }

    /** The level a 等级 text starts with; null when it is none of them (or blank). */
    public static String of(String grade) {
        if (grade == null || grade.isBlank()) {
            return null;
        }
        String g = grade.strip();
        return LEVELS.stream().filter(g::startsWith).findFirst().orElse(null);
    }

    /** A given 等级 that is none of the levels, as a violation of {@code field}. */
    public static void check(Violations v, String field, String grade) {
        if (grade != null && !grade.isBlank()) {
            v.check(of(grade) != null, field, "unknown-option", "医疗机构等级应为一级、二级、三级（可含甲乙丙等）或未定级");
        }
    }
}
