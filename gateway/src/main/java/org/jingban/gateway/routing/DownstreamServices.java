package org.jingban.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway, the one place that names them: routes, per-service health and
 * the Swagger UI's list of API documents are all built from this map.
 *
 * @param services by service name (e.g. {@code transfer-service}): its base URI and public paths
 */
@ConfigurationProperties("jingban.gateway")
public record DownstreamServices(Map<String, Service> services) {

    public DownstreamServices {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
    }

    /**
     * @param uri   where the service listens, e.g. {@code http://localhost:8082}
     * @param paths public path patterns routed to it, e.g. {@code /api/v1/transfer/**}
     * @param title a short Chinese title for the Swagger UI's document list
     */
    public record Service(URI uri, List<String> paths, String title) {
        public Service {
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }
}
