/**
 * 待遇计算: one benefit calculator shared by 手工零星报销 and 直接结算 ({@link org.jingban.platform.benefits.BenefitCalculator}),
 * the claim and benefit records, and the regional policy values it reads ({@link org.jingban.platform.benefits.Policy},
 * looked up by {@link org.jingban.platform.benefits.Policies}; {@link org.jingban.platform.benefits.ExamplePolicies}
 * holds example values only). Pure: no I/O, no Spring, no logging.
 */
package org.jingban.platform.benefits;
