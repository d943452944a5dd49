package org.jingban.notification.channel;

import java.util.Map;

/**
 * A request in the provider's own format: the HTTP method, endpoint and parameters or JSON body as the provider's
 * API documents them. In local mode it is written to the sink as it is; a production transport signs and sends it.
 */
public record ProviderRequest(String provider, String method, String endpoint, Map<String, Object> body) {

    public ProviderRequest {
        body = body == null ? Map.of() : Map.copyOf(body);
    }
}
