package org.jingban.platform.web.testapp;

import java.util.List;
import java.util.Map;

import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violations;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** A tiny service: the annotated {@link TestController} and the functional routes below. */
@SpringBootApplication
public class WebTestApplication {

    /** 受理信息必填项 of a made-up catalog item. */
    static final List<String> REQUIRED_FIELDS = List.of("姓名", "证件类型及号码", "联系电话");

    @Bean
    Invocations invocations() {
        return new Invocations();
    }

    @Bean
    RouterFunction<ServerResponse> functionalRoutes(Invocations invocations) {
        return RouterFunctions.route()
                .POST("/fn/applications", request -> request
                        .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                        .flatMap(fields -> {
                            Violations violations = new Violations();
                            violations.requireAll(fields, REQUIRED_FIELDS);
                            Object mobile = fields.get("联系电话");
                            violations.check(mobile == null || String.valueOf(mobile).matches("1\\d{10}"),
                                    "联系电话", "invalid-mobile", "联系电话应为11位手机号码");
                            violations.throwIfAny();
                            return ServerResponse.ok().bodyValue(Map.of("accepted", true));
                        }))
                .GET("/fn/items/{id}", request -> {
                    throw ProblemException.notFound("事项 " + request.pathVariable("id") + " 不存在");
                })
                .GET("/fn/boom", request -> {
                    throw new IllegalStateException("lookup of 11010519491231002X failed in org.example.Dao");
                })
                .build();
    }
}
