package org.jingban.transfer.national;

import java.time.Instant;
import java.util.Map;

/**
 * The national platform's envelope for 跨省转移接续 messages (its own format, not CloudEvents): the message id is kept
 * end to end so that each side applies a message once.
 *
 * @param msgType {@code LXH} 联系函, {@code XXB} 信息表 with the fund transfer, {@code ZCSB} 转出失败 (refusal),
 *                {@code XXBJJ} 信息表拒收, {@code ZYSQ} 转移申请 (an application accepted at the 转出地, handed to the
 *                转入地), {@code BYSL} 不予受理 (the 转入地's refusal of a ZYSQ, every reason), {@code ZRBJ} 转入办结
 * @param body    the message, field names as in {@link org.jingban.transfer.api.TransferEvents}
 */
public record NationalEnvelope(String msgId, String msgType, String sendProvince, String recvProvince, String sendRegion,
                               String recvRegion, Instant sendTime, Map<String, Object> body) {

    public static final String CONTACT_LETTER = "LXH";
    public static final String INFO_SHEET = "XXB";
    public static final String TRANSFER_OUT_REFUSED = "ZCSB";
    public static final String INFO_SHEET_REFUSED = "XXBJJ";
    public static final String APPLICATION = "ZYSQ";
    public static final String APPLICATION_REFUSED = "BYSL";
    public static final String TRANSFER_IN_COMPLETED = "ZRBJ";
}
