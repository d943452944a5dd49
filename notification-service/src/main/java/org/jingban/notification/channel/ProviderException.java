package org.jingban.notification.channel;

/**
 * A provider's answer that is not a sent message, with what the dispatcher does about it. The message never holds
 * the recipient's address (logs and dead letters show it).
 */
public class ProviderException extends RuntimeException {

    /** What a failed send means for its delivery. */
    public enum Disposition {
        /** Throttled or temporarily failing (限流, 系统繁忙, 5xx, no connection): try again after the backoff. */
        RETRY,
        /** The request itself is wrong (template, signature name, credentials, parameters): a dead letter for ops. */
        DEAD,
        /** This recipient cannot be reached on this channel (not subscribed, number invalid): try the next channel. */
        NEXT_CHANNEL,
        /**
         * The request may have reached the provider but its answer did not reach us (read timeout, crash during the
         * call, an answer whose signature fails): sending again could make a second message, so it becomes a dead
         * letter that ops check in the provider's console and retry by hand.
         */
        UNKNOWN
    }

    private final String provider;
    private final String code;
    private final Disposition disposition;

    public ProviderException(String provider, String code, Disposition disposition, String message) {
        this(provider, code, disposition, message, null);
    }

    public ProviderException(String provider, String code, Disposition disposition, String message, Throwable cause) {
        super(provider + " " + code + ": " + org.jingban.platform.identifiers.Masking.maskText(message), cause);
        this.provider = provider;
        this.code = code;
        this.disposition = disposition;
    }

    public String provider() {
        return provider;
    }

    /** The provider's own error code (isv.BUSINESS_LIMIT_CONTROL, 43101, 40004/isv.xxx …) or ours (timeout …). */
    public String code() {
        return code;
    }

    public Disposition disposition() {
        return disposition;
    }
}
