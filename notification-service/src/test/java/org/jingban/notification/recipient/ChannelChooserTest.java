package org.jingban.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.notification.channel.ChannelKind;
import org.jingban.platform.cases.Channel;
import org.junit.jupiter.api.Test;

class ChannelChooserTest {

    static RecipientContact contact(String mobile, String openId, String alipay, ChannelKind preferred) {
        return new RecipientContact("620602199001011234", mobile, openId, alipay, preferred, null, null, null);
    }

    @Test
    void the_preferred_channel_wins_when_the_party_can_be_reached_there() {
        assertThat(ChannelChooser.choose(contact("13812345678", "oWx1", null, ChannelKind.WECHAT), Channel.PORTAL))
                .containsExactly(ChannelKind.INBOX, ChannelKind.WECHAT);
    }

    @Test
    void without_a_preference_the_mini_program_is_answered_in_wechat_and_the_portal_by_sms() {
        RecipientContact both = contact("13812345678", "oWx1", null, null);
        assertThat(ChannelChooser.choose(both, Channel.MINI_PROGRAM)).containsExactly(ChannelKind.INBOX, ChannelKind.WECHAT);
        assertThat(ChannelChooser.choose(both, Channel.PORTAL)).containsExactly(ChannelKind.INBOX, ChannelKind.SMS);
        assertThat(ChannelChooser.choose(contact(null, null, "2088001", null), Channel.MINI_PROGRAM))
                .containsExactly(ChannelKind.INBOX, ChannelKind.ALIPAY);
    }

    @Test
    void a_preference_that_cannot_be_reached_falls_back_to_the_case_channel() {
        assertThat(ChannelChooser.choose(contact("13812345678", null, null, ChannelKind.ALIPAY), Channel.WINDOW))
                .containsExactly(ChannelKind.INBOX, ChannelKind.SMS);
    }

    @Test
    void inbox_only_when_preferred_or_unreachable() {
        assertThat(ChannelChooser.choose(contact("13812345678", null, null, ChannelKind.INBOX), Channel.PORTAL))
                .containsExactly(ChannelKind.INBOX);
        assertThat(ChannelChooser.choose(null, Channel.PORTAL)).containsExactly(ChannelKind.INBOX);
    }

    @Test
    void after_a_channel_that_cannot_reach_the_party_the_next_reachable_one_of_the_case_order_is_tried() {
        RecipientContact all = contact("13812345678", "oWx1", "2088001", ChannelKind.WECHAT);
        assertThat(ChannelChooser.next(all, Channel.MINI_PROGRAM, java.util.Set.of(ChannelKind.INBOX, ChannelKind.WECHAT)))
                .contains(ChannelKind.ALIPAY);
        assertThat(ChannelChooser.next(all, Channel.PORTAL, java.util.Set.of(ChannelKind.INBOX, ChannelKind.WECHAT)))
                .contains(ChannelKind.SMS);
        assertThat(ChannelChooser.next(contact(null, "oWx1", null, null), Channel.PORTAL,
                java.util.Set.of(ChannelKind.INBOX, ChannelKind.WECHAT))).isEmpty();
        assertThat(ChannelChooser.next(contact("13812345678", "oWx1", null, ChannelKind.INBOX), Channel.PORTAL,
                java.util.Set.of(ChannelKind.WECHAT))).isEmpty();
    }
}
