package org.jingban.platform.messaging;

/** A record without the CloudEvents attributes: retrying cannot help, it goes to the dead-letter topic. */
public class NotACloudEventException extends RuntimeException {
    public NotACloudEventException(String message) {
        super(message);
    }
}
