package org.jingban.platform.service.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.jingban.platform.service.items.Submitted;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;

/**
 * The API document as a client must read it (issue "Input hygiene and an API document an integrator can trust"),
 * for every operation of every service, beside what platform/security's {@code AccessDocumentation} writes (who may
 * call it, every problem answer):
 * <ul>
 *   <li><b>success codes as answered</b>: an item's application (a handler answering {@link Submitted}) is
 *       201 (即时办结) or 202 (已受理，等待办理), not 200;</li>
 *   <li><b>options</b>: the kernel's 渠道 and every {@link OneOf} field as an {@code enum};</li>
 *   <li><b>an example of every JSON body</b> where the form gives none ({@link ExampleBodies}, {@link BodyExample}).</li>
 * </ul>
 * The contract test ({@code ApiContract} in platform/security-test) calls every operation as documented and fails
 * on any answer the document does not list.
 */
public class ApiDocumentation implements OperationCustomizer, GlobalOpenApiCustomizer, Ordered {

    static final String SUBMITS = "x-jingban-submits";
    static final String EXAMPLE_OVERRIDES = "x-jingban-example-overrides";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (answers(handler, Submitted.class)) {
            operation.addExtension(SUBMITS, true);
        }
        BodyExample example = handler.getMethodAnnotation(BodyExample.class);
        if (example != null) {
            operation.addExtension(EXAMPLE_OVERRIDES, List.of(example.value()));
        }
        return operation;
    }

    private static boolean answers(HandlerMethod handler, Class<?> type) {
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        for (int i = 0; i < 3 && returned.hasGenerics(); i++) {
            Class<?> raw = returned.resolve();
            if (raw == null || !(ResponseEntity.class.isAssignableFrom(raw)
                    || raw.getName().startsWith("reactor.core.publisher."))) {
                break;
            }
            returned = returned.getGeneric(0);
        }
        return type.equals(returned.resolve());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        // 渠道 is the kernel's field of every item form (ItemForm.channel, read by Channels)
        List<String> channels = org.jingban.platform.service.items.Channels.FORM_CHANNELS.stream()
                .map(org.jingban.platform.cases.Channel::label).toList();
        openApi.getComponents().getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null && schema.getProperties().get("渠道") instanceof Schema<?> channel
                    && channel.getEnum() == null) {
                ((Schema<Object>) channel).setEnum(new java.util.ArrayList<>(channels));
                channel.setDescription("申请渠道（缺省为政务服务网）");
            }
        });
        ExampleBodies examples = new ExampleBodies(openApi.getComponents().getSchemas());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            successCodes(operation);
            example(operation, examples);
            pathExamples(operation);
        }));
    }

    private static void successCodes(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (operation.getExtensions() == null || operation.getExtensions().remove(SUBMITS) == null || responses == null) {
            return;
        }
        ApiResponse ok = responses.remove("200");
        Content content = ok == null ? null : ok.getContent();
        responses.addApiResponse("201", new ApiResponse().description("即时办结：办件已办结，result 为办理结果").content(content));
        responses.addApiResponse("202", new ApiResponse().description("已受理，等待办理：办件号与当前环节、承诺办结日期")
                .content(content));
    }

    /** A path variable that is an identifier gets an example of its kind (a 机构编码, a 证件号码 …). */
    private static void pathExamples(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().forEach(parameter -> {
            if ("path".equals(parameter.getIn()) && parameter.getExample() == null) {
                ExampleBodies.identifier(parameter.getName()).ifPresent(parameter::setExample);
            }
        });
    }

    private static void example(Operation operation, ExampleBodies examples) {
        Object overrides = operation.getExtensions() == null ? null : operation.getExtensions().remove(EXAMPLE_OVERRIDES);
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        if (json == null || json.getSchema() == null || json.getExample() != null
                || (json.getExamples() != null && !json.getExamples().isEmpty())) {
            return;
        }
        Object example = examples.of(json.getSchema());
        if (overrides instanceof List<?> list) {
            example = ExampleBodies.override(example, list.stream().map(String::valueOf).toList());
        }
        if (example != null) {
            json.setExample(example);
        }
    }
}
