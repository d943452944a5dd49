package org.jingban.notification.recipient;

import java.time.Instant;

import org.jingban.notification.channel.ChannelKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a party (person, employer, institution; by its id: 证件号码, 统一社会信用代码, 机构编码) is reached and how it
 * prefers to be: mobile for SMS, the WeChat openid and Alipay user id the mini-program back ends register, and the
 * preferred channel (null: follow the case's channel).
 */
@Document("recipient_contacts")
public record RecipientContact(@Id String partyId, String mobile, String wechatOpenId, String alipayUserId,
                               ChannelKind preferredChannel, Instant updatedAt) {

    public String addressFor(ChannelKind channel) {
        return switch (channel) {
            case SMS -> mobile;
            case WECHAT -> wechatOpenId;
            case ALIPAY -> alipayUserId;
            case INBOX -> partyId;
        };
    }

    public boolean reachableBy(ChannelKind channel) {
        String address = addressFor(channel);
        return address != null && !address.isBlank();
    }
}
