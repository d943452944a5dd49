/**
 * The item extension point (事项扩展点): how a service builds an item of the catalog.
 *
 * <ol>
 *   <li>a typed form record implementing {@link org.jingban.platform.service.items.ItemForm} (the 表's fields, and
 *       the kernel's {@link org.jingban.platform.service.items.Delegate 被委托人} block for 委托办理);</li>
 *   <li>{@link org.jingban.platform.service.items.ItemSubmissions#validate}: the catalog's 受理信息必填项 and the
 *       form's formats, the 被委托人's identity, every problem at once (400);</li>
 *   <li>the service's automated checks (its domain: 办理条件), as {@link org.jingban.platform.cases.Reason}s;</li>
 *   <li>{@link org.jingban.platform.service.items.ItemSubmissions#submit}: materials from the catalog (conditional
 *       ones by the form's predicate), the case kernel's {@code submit}, and the answer — 201 with the result when
 *       an instant item (即办件) completed, 202 while the case waits for 受理, 422 不予受理 with every reason (the
 *       case is stored refused, its number in the problem);</li>
 *   <li>reactions to the item's own case events: methods annotated
 *       {@link org.jingban.platform.service.items.CaseReaction}, dispatched once per event by
 *       {@link org.jingban.platform.service.items.CaseReactions}.</li>
 * </ol>
 *
 * See docs/architecture.md, "How to add an item".
 */
package org.jingban.platform.service.items;
