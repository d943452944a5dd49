/**
 * 622036003002 转移接续手续办理 (主项三 基本医疗保险关系转移接续): the process between the 转入地 office, which accepts
 * and completes the case, and the 转出地 office, which releases the record and moves the balance — the relationship
 * continued (接续) in the new pool. 表9 as {@link org.jingban.transfer.continuation.TransferApplicationForm}, the
 * 办理条件 in {@link org.jingban.transfer.continuation.TransferEligibility}, the two sides as the aggregates
 * {@link org.jingban.transfer.continuation.IncomingTransfer} (转入地) and
 * {@link org.jingban.transfer.continuation.TransferOut} (转出地); their state machine is in transfer-service/README.md.
 */
package org.jingban.transfer.continuation;
