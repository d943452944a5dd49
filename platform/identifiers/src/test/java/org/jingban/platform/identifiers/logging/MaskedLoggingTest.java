package org.jingban.platform.identifiers.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedLoggingTest {

    @Test
    void the_converter_masks_the_formatted_message_including_its_arguments() {
        // given
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO,
                "参保登记 {} 电话 {}", null, new Object[] {"62010219900101123X", "13812345678"});
        MaskingMessageConverter converter = new MaskingMessageConverter();

        // when
        String message = converter.convert(event);

        // then
        assertThat(message).isEqualTo("参保登记 620***********123X 电话 138****5678");
    }

    @Test
    void a_service_including_the_snippet_gets_a_masked_console_appender() throws Exception {
        // given a logback configuration that includes the bundled snippet
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        String xml = """
                <configuration>
                  <include resource="org/jingban/platform/identifiers/logging/masked-console.xml"/>
                  <root level="INFO"><appender-ref ref="MASKED_CONSOLE"/></root>
                </configuration>
                """;
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Logger logger = context.getLogger("org.jingban.enrollment");

        // when
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> appender =
                (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MASKED_CONSOLE");
        LayoutWrappingEncoder<ILoggingEvent> encoder = (LayoutWrappingEncoder<ILoggingEvent>) appender.getEncoder();
        LoggingEvent event = new LoggingEvent("test", logger, Level.WARN,
                "账户 {} 已存在", new IllegalStateException("duplicate key 6222021234567890123"),
                new Object[] {"6222021234567890123"});
        String line = encoder.getLayout().doLayout(event);

        // then
        assertThat(line).contains("WARN").contains("账户 6222***********0123 已存在")
                .contains("duplicate key 6222***********0123")
                .doesNotContain("6222021234567890123");
        context.stop();
    }
}
