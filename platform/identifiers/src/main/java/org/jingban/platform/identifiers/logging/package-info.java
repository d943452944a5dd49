/**
 * Masked logging for logback (logback-classic is an optional dependency of this module).
 *
 * <p>The simplest use, in a service's {@code logback-spring.xml}:
 * <pre>{@code
 * <configuration>
 *   <include resource="org/jingban/platform/identifiers/logging/masked-console.xml"/>
 *   <root level="INFO"><appender-ref ref="MASKED_CONSOLE"/></root>
 * </configuration>
 * }</pre>
 * The include registers the conversion words {@code %maskedMsg} ({@link
 * org.jingban.platform.identifiers.logging.MaskingMessageConverter}) and {@code %maskedEx} ({@link
 * org.jingban.platform.identifiers.logging.MaskingThrowableConverter}) and defines the appender
 * {@code MASKED_CONSOLE}. A service with its own appenders declares the two rules itself and writes
 * {@code %maskedMsg%n%maskedEx} instead of {@code %msg%n%ex} (a pattern without any throwable word gets
 * an unmasked {@code %ex} appended by logback, so always name {@code %maskedEx}):
 * <pre>{@code
 * <conversionRule conversionWord="maskedMsg" class="org.jingban.platform.identifiers.logging.MaskingMessageConverter"/>
 * <conversionRule conversionWord="maskedEx" class="org.jingban.platform.identifiers.logging.MaskingThrowableConverter"/>
 * }</pre>
 * What is masked, and why it errs on the side of masking, is described in
 * {@link org.jingban.platform.identifiers.Masking#maskText(String)}.
 */
package org.jingban.platform.identifiers.logging;
