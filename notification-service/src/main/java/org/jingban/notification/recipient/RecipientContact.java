package org.jingban.notification.recipient;

import java.time.Instant;

import org.jingban.notification.channel.ChannelKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a party (person, employer, institution; by its id: 证件号码, 统一社会信用代码, 机构编码) is reached and how it
 * prefers to be. The mobile comes from the party's own records — a person's 联系电话 from enrollment's person events
 * (参保登记, 参保信息变更登记, 电话号码新增和更改) — and a changed one is used from the next message on; the WeChat
 * openid, the Alipay user id and the preferred channel (null: follow the case's channel) are what the party adds
 * through {@code PUT /me/contact}.
 *
 * @param mobileSource where the mobile came from: {@link #FROM_RECORDS} or {@link #FROM_PARTY}
 * @param mobileAt     the time of the record event that set it (an older event never overwrites a newer one)
 */
@Document("recipient_contacts")
public record RecipientContact(@Id String partyId, String mobile, String wechatOpenId, String alipayUserId,
                               ChannelKind preferredChannel, Instant updatedAt, String mobileSource,
                               Instant mobileAt) {

    /** The mobile is the one of the party's records (参保登记 and its changes). */
    public static final String FROM_RECORDS = "参保登记";
    /** Given by the unit or institution itself at {@code /me/contact} (their events carry no phone yet). */
    public static final String FROM_PARTY = "本人填写";

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
