package org.jingban.deploy;

/** The local stack's infrastructure process: one Kafka broker (KRaft) and one MongoDB-wire store. */
public final class LocalInfrastructure {

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not yet");
    }
}
