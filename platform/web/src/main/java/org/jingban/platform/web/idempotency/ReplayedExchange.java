package org.jingban.platform.web.idempotency;

import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

/**
 * The exchange the handler sees after the filter has read the body. {@code exchange.mutate()} is not
 * enough: the original exchange parses form and multipart data (申请材料 uploads) from the original,
 * already consumed request, so both are parsed again here from the replayed body.
 */
final class ReplayedExchange extends ServerWebExchangeDecorator {

    private static final ResolvableType FORM_DATA = ResolvableType.forClassWithGenerics(
            MultiValueMap.class, String.class, String.class);
    private static final ResolvableType MULTIPART_DATA = ResolvableType.forClassWithGenerics(
            MultiValueMap.class, String.class, Part.class);

    private final ServerHttpRequest request;
    private final ServerHttpResponse response;
    private final Mono<MultiValueMap<String, String>> formData;
    private final Mono<MultiValueMap<String, Part>> multipartData;

    ReplayedExchange(ServerWebExchange delegate, ServerHttpRequest request, ServerHttpResponse response,
                     ServerCodecConfigurer codecs) {
        super(delegate);
        this.request = request;
        this.response = response;
        this.formData = read(codecs, request, FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED);
        this.multipartData = read(codecs, request, MULTIPART_DATA, MediaType.MULTIPART_FORM_DATA);
    }

    @SuppressWarnings("unchecked")
    private static <T> Mono<MultiValueMap<String, T>> read(ServerCodecConfigurer codecs, ServerHttpRequest request,
                                                           ResolvableType type, MediaType mediaType) {
        MediaType contentType = request.getHeaders().getContentType();
        Mono<MultiValueMap<String, T>> empty = Mono.fromSupplier(LinkedMultiValueMap::new);
        if (contentType == null || !mediaType.isCompatibleWith(contentType)) {
            return empty;
        }
        for (HttpMessageReader<?> reader : codecs.getReaders()) {
            if (reader.canRead(type, contentType)) {
                return ((HttpMessageReader<MultiValueMap<String, T>>) reader)
                        .readMono(type, request, Map.of())
                        .switchIfEmpty(empty)
                        .cache();
            }
        }
        return empty;
    }

    @Override
    public ServerHttpRequest getRequest() {
        return request;
    }

    @Override
    public ServerHttpResponse getResponse() {
        return response;
    }

    @Override
    public Mono<MultiValueMap<String, String>> getFormData() {
        return formData;
    }

    @Override
    public Mono<MultiValueMap<String, Part>> getMultipartData() {
        return multipartData;
    }
}
