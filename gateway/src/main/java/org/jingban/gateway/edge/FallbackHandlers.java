package org.jingban.gateway.edge;

import io.swagger.v3.oas.annotations.Hidden;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemTypes;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker forwards when its service is down or its breaker open: a fast 503 problem. */
@RestController
@Hidden
public class FallbackHandlers {

    public static final String PATH = "/fallback/";

    @RequestMapping(PATH + "{service}")
    public Mono<Void> unavailable(@PathVariable String service) {
        return Mono.error(new ProblemException(503, ProblemTypes.SERVICE_UNAVAILABLE, "服务暂不可用",
                "业务服务暂不可用，请稍后重试").withProperty("service", service));
    }
}
