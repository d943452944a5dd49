package org.jingban.enrollment.voucher;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An activated 医保电子凭证 (id = person id), with the case that activated it. */
@Document("e_vouchers")
public record Voucher(@Id String id, String caseNumber, Instant activatedAt) {
}
