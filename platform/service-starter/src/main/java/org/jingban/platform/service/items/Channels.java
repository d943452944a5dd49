package org.jingban.platform.service.items;

import java.util.List;

import org.jingban.platform.cases.Channel;
import org.jingban.platform.web.problem.Violations;

/** 申请渠道 of a form: PORTAL (default), MINI_PROGRAM, WINDOW, MAIL by name or label; JOINT and SYSTEM are set by services. */
public final class Channels {

    /** The channels an applicant names on a form (the API document's options for 渠道); JOINT and SYSTEM are not. */
    public static final List<Channel> FORM_CHANNELS = List.of(Channel.PORTAL, Channel.MINI_PROGRAM, Channel.WINDOW,
            Channel.MAIL);

    private Channels() {
    }

    public static Channel parse(String text, Violations v) {
        if (text == null || text.isBlank()) {
            return Channel.PORTAL;
        }
        return FORM_CHANNELS.stream().filter(c -> c.name().equals(text) || c.label().equals(text)).findFirst()
                .orElseGet(() -> {
                    v.add("渠道", "unknown-option", "渠道应为政务服务网、小程序、窗口或邮寄");
                    return Channel.PORTAL;
                });
    }
}
