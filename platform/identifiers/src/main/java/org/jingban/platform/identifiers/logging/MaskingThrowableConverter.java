package org.jingban.platform.identifiers.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.jingban.platform.identifiers.Masking;

/**
 * {@code %maskedEx}: the stack trace with personal data masked. Exception messages often quote the
 * offending value (e.g. a duplicate-key error naming an ID number), so {@code %maskedMsg} alone is not enough.
 */
public class MaskingThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Masking.maskText(super.throwableProxyToString(proxy));
    }
}
