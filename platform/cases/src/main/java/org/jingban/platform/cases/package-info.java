/**
 * The case kernel (办件): one aggregate, configured by the catalog item, serves every item on the
 * checklist. {@link org.jingban.platform.cases.Case} holds the rules (step chain, one-time notice
 * 一次性告知, deadlines on the working-day calendar, separation of duties, evaluation 好差评); its methods
 * return an {@link org.jingban.platform.cases.Outcome}: the events they caused, or a refusal listing
 * every reason. Persistence lives in {@code ..persistence}, the reactive service in {@code ..application}.
 */
package org.jingban.platform.cases;
