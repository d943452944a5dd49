package org.jingban.enrollment.voucher;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A QR token already shown to an institution (id = the token's nonce): a token verifies once. */
@Document("e_voucher_token_uses")
public record VoucherTokenUse(@Id String id, String personId, String institution, Instant usedAt) {
}
