package org.jingban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.jingban.platform.web.problem.ProblemExceptionHandler;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ProblemDetailsTest extends WebIntegrationTest {

    @Test
    void a_form_with_three_problems_is_answered_once_with_all_three() {
        // given a form with an empty name, no ID number and a malformed mobile number
        String form = """
                {"name": " ", "mobile": "12345"}
                """;

        // when / then
        web.post().uri("/forms").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jingban:problem:validation-failed")
                .jsonPath("$.title").isEqualTo("提交的信息未通过校验")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.instance").isEqualTo("/forms")
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.violations.length()").isEqualTo(3)
                .jsonPath("$.violations[?(@.field == 'name')].message").isEqualTo("不能为空")
                .jsonPath("$.violations[?(@.field == 'idNumber')].message").isEqualTo("证件号码为必填项")
                .jsonPath("$.violations[?(@.field == 'mobile')].message").isEqualTo("格式不正确")
                .jsonPath("$.violations[?(@.field == 'mobile')].code").isEqualTo("pattern");
    }

    @Test
    void a_functional_route_reports_every_missing_catalog_field_and_the_bad_phone_at_once() {
        // given 姓名 and 证件类型及号码 missing (required by the catalog item) and a 10-digit 联系电话
        Map<String, Object> fields = Map.of("联系电话", "1381234567");

        web.post().uri("/fn/applications").contentType(MediaType.APPLICATION_JSON).bodyValue(fields)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jingban:problem:validation-failed")
                .jsonPath("$.violations.length()").isEqualTo(3)
                .jsonPath("$.violations[0].field").isEqualTo("姓名")
                .jsonPath("$.violations[0].message").isEqualTo("姓名为必填项")
                .jsonPath("$.violations[1].field").isEqualTo("证件类型及号码")
                .jsonPath("$.violations[2].field").isEqualTo("联系电话")
                .jsonPath("$.violations[2].code").isEqualTo("invalid-mobile");
    }

    @Test
    void malformed_json_is_a_400_without_internal_names() {
        String body = web.post().uri("/forms").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("urn:jingban:problem:bad-request", "请求内容不是有效的 JSON");
        // not an empty violations list (issue "Input hygiene"): the body itself is the field at fault
        assertThat(body).contains("\"field\":\"请求内容\"", "\"code\":\"malformed-json\"");
        assertThat(body).doesNotContain("Exception", "jackson", "org.springframework", "tools.");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field() {
        String body = web.post().uri("/forms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"张三\", \"idNumber\": \"x\", \"children\": \"two\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"field\":\"children\"", "取值类型不正确");
        assertThat(body).doesNotContain("Exception", "Integer", "tools.");
    }

    @Test
    void a_built_in_constraint_is_explained_in_chinese_with_its_limit() {
        web.post().uri("/forms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"张三\", \"idNumber\": \"x\", \"children\": -1}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.violations.length()").isEqualTo(1)
                .jsonPath("$.violations[0].field").isEqualTo("children")
                .jsonPath("$.violations[0].code").isEqualTo("min")
                .jsonPath("$.violations[0].message").isEqualTo("不能小于0");
    }

    @Test
    void an_unknown_exception_is_a_generic_500_and_is_logged_masked() {
        // given a capture of the handler's log
        ListAppender<ILoggingEvent> captured = capture(ProblemExceptionHandler.class.getName());

        // when a handler fails with a message quoting an ID number
        String body = web.get().uri("/boom").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        // then the client learns nothing internal
        assertThat(body).contains("urn:jingban:problem:internal", "系统内部错误");
        assertThat(body).doesNotContain("IllegalStateException", "NullPointer", "11010519491231002X",
                "com.example", "at org.");
        // and the log has the failure, with the ID number masked
        assertThat(captured.list).hasSize(1);
        ILoggingEvent event = captured.list.get(0);
        String logged = event.getFormattedMessage() + ThrowableProxyUtil.asString(event.getThrowableProxy());
        assertThat(logged).contains("IllegalStateException", "com.example.Repository")
                .doesNotContain("11010519491231002X");
    }

    @Test
    void a_functional_route_failure_is_a_generic_500_too() {
        web.get().uri("/fn/boom").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jingban:problem:internal")
                .jsonPath("$.instance").isEqualTo("/fn/boom");
    }

    @Test
    void a_problem_thrown_from_a_functional_route_keeps_its_status_and_detail() {
        web.get().uri("/fn/items/622036001001").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jingban:problem:not-found")
                .jsonPath("$.detail").isEqualTo("事项 622036001001 不存在");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        web.get().uri("/nowhere").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:not-found");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        web.delete().uri("/forms").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:method-not-allowed");
    }

    @Test
    void an_unsupported_media_type_is_a_415_problem() {
        web.post().uri("/forms").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=张三".getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:unsupported-media-type");
    }

    static ListAppender<ILoggingEvent> capture(String loggerName) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
        return appender;
    }

    @Test
    void names_follow_the_text_policy_and_rare_characters_are_kept_exactly() {
        // 生僻字 outside the BMP, the middle dot, NFC normalisation of a decomposed character
        web.post().uri("/persons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("姓名", "𠮷野·阿依", "单位名称", "武威市某公司（凉州）", "备注", "第一行\n第二行",
                        "金额", "1.50"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.姓名").isEqualTo("𠮷野·阿依").jsonPath("$.单位名称").isEqualTo("武威市某公司（凉州）");
        for (String hostile : new String[] {"张\u0000三", "\u202E三张", "张三😀", "<script>alert(1)</script>"}) {
            web.post().uri("/persons").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(java.util.Map.of("姓名", hostile)) // serialised as JSON: a control character escaped (\\u0000)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.violations[0].field").isEqualTo("姓名");
        }
        web.post().uri("/persons").contentType(MediaType.APPLICATION_JSON).bodyValue(java.util.Map.of("备注", "a\u2066b"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("备注")
                .jsonPath("$.violations[0].code").isEqualTo("text.bidi-control");
    }

    @Test
    void every_refused_text_of_a_body_is_named_at_once() {
        // 一次性告知: three fields at fault, three violations in one answer, in the order of the body
        web.post().uri("/persons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"姓名\": \"张三😀\", \"单位名称\": \"<b>某公司</b>\", \"备注\": \"a\\u202Eb\", \"金额\": \"1.00\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations.length()").isEqualTo(3)
                .jsonPath("$.violations[0].field").isEqualTo("姓名")
                .jsonPath("$.violations[1].field").isEqualTo("单位名称")
                .jsonPath("$.violations[2].field").isEqualTo("备注")
                .jsonPath("$.violations[2].code").isEqualTo("text.bidi-control");
    }

    @Test
    void a_number_is_never_read_as_a_string_so_floating_point_never_reaches_an_amount() {
        web.post().uri("/persons").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"金额\": 1.5}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("金额")
                .jsonPath("$.violations[0].code").isEqualTo("invalid-type");
    }
}
