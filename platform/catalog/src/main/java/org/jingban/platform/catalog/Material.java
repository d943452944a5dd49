package org.jingban.platform.catalog;

/**
 * A document the applicant provides (申请材料).
 *
 * @param name      as printed
 * @param form      number of the national sample form (样表 表n), else {@code null}
 * @param condition when it is needed (e.g. 在职职工), else {@code null} = always
 * @param note      wording differences between sources, else {@code null}
 */
public record Material(String name, Integer form, String condition, String note) {
}
