package org.jingban.platform.benefits;

import org.jingban.platform.money.Money;

/**
 * One line of a benefit's breakdown (计算过程): the rule that applied, a sentence a clerk can read to the applicant,
 * and the amount that rule decided, e.g. {@code ("起付线", "三级医疗机构住院起付线1000.00元，由个人负担", 1000.00)}.
 *
 * @param rule   the rule's name (丙类及自费, 乙类先行自付, 政策范围内费用, 起付线, 统筹基金, 封顶线, 大病保险, 医疗救助, 个人账户, 个人现金 …)
 * @param text   the explanation in Chinese
 * @param amount the amount the rule decided (for a cap: the part not paid because of it)
 */
public record Step(String rule, String text, Money amount) {
}
