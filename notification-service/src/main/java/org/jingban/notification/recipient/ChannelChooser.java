package org.jingban.notification.recipient;

import java.util.ArrayList;
import java.util.List;

import org.jingban.notification.channel.ChannelKind;
import org.jingban.platform.cases.Channel;

/**
 * Which channels a message goes to: always the in-app inbox, plus at most one external channel —
 * the party's preferred one if it can be reached there; otherwise the case's channel decides (an application from
 * the mini program is answered in WeChat, else Alipay; any other by SMS); otherwise any channel the party can be
 * reached by. Preferring {@link ChannelKind#INBOX} means no external message.
 */
public final class ChannelChooser {

    private ChannelChooser() {
    }

    public static List<ChannelKind> choose(RecipientContact contact, Channel caseChannel) {
        List<ChannelKind> chosen = new ArrayList<>();
        chosen.add(ChannelKind.INBOX);
        if (contact == null) {
            return chosen;
        }
        if (contact.preferredChannel() == ChannelKind.INBOX) {
            return chosen;
        }
        if (contact.preferredChannel() != null && contact.reachableBy(contact.preferredChannel())) {
            chosen.add(contact.preferredChannel());
            return chosen;
        }
        order(caseChannel).stream().filter(contact::reachableBy).findFirst().ifPresent(chosen::add);
        return chosen;
    }

    /**
     * The channel to try after a provider said the recipient cannot be reached on the ones {@code tried}: the next
     * external channel of the case's order that the party can be reached by and that was not tried; empty when none
     * is left (the inbox has the message anyway) or the party prefers the inbox only.
     */
    public static java.util.Optional<ChannelKind> next(RecipientContact contact, Channel caseChannel,
                                                       java.util.Collection<ChannelKind> tried) {
        if (contact == null || contact.preferredChannel() == ChannelKind.INBOX) {
            return java.util.Optional.empty();
        }
        return order(caseChannel).stream().filter(k -> !tried.contains(k)).filter(contact::reachableBy).findFirst();
    }

    private static List<ChannelKind> order(Channel caseChannel) {
        return caseChannel == Channel.MINI_PROGRAM
                ? List.of(ChannelKind.WECHAT, ChannelKind.ALIPAY, ChannelKind.SMS)
                : List.of(ChannelKind.SMS, ChannelKind.WECHAT, ChannelKind.ALIPAY);
    }
}
