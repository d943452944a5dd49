package org.jingban.notification.channel;

import java.time.LocalDate;
import java.util.Map;

import org.jingban.platform.cases.Party;

/**
 * One message for one channel, as an adapter needs it.
 *
 * @param deliveryKey unique per (case, template, channel): the provider's idempotency key (Aliyun OutId …) and the
 *                    sink's document id, so a retried or repeated send never makes a second message
 * @param address     mobile number, WeChat openid or Alipay user id; the party id for the inbox
 * @param text        the rendered catalog text
 * @param values      the template values by placeholder name (称呼, 日期 …)
 * @param templateKey {@code <itemCode>:<template event>}
 */
public record OutgoingMessage(String deliveryKey, String notificationId, String caseId, String caseNumber,
                              String itemCode, String itemName, String regionCode, String templateKey,
                              String templateEvent, String recipientId, Party.Kind recipientKind,
                              String recipientName, String officeName,
                              String address, String text, Map<String, String> values, LocalDate submittedOn) {
}
