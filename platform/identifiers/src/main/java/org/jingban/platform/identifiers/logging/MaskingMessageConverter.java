package org.jingban.platform.identifiers.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jingban.platform.identifiers.Masking;

/** {@code %maskedMsg}: the formatted log message with ID numbers, mobiles and bank accounts masked. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.maskText(super.convert(event));
    }
}
