package org.jingban.platform.web.idempotency;

import java.time.Instant;

/**
 * What is remembered about one Idempotency-Key: the hash of the first request's body and, once it
 * finished, its response.
 *
 * @param id          SHA-256 of caller, method, path and key
 * @param requestHash SHA-256 (hex) of the first request's body
 * @param response    null while the first request is still in progress
 */
public record IdempotencyRecord(String id, String requestHash, StoredResponse response, Instant createdAt) {

    public boolean completed() {
        return response != null;
    }

    /**
     * The first answer, replayed to every retry.
     *
     * @param contentType may be null
     * @param location    the Location header of a 201, may be null
     */
    public record StoredResponse(int status, String contentType, String location, byte[] body) {
    }
}
