package org.jingban.platform.embedded;

import java.nio.file.Path;

/**
 * An on-disk store in a JVM of its own, for tests that kill it: {@code StoreProcess <file>} prints
 * {@code PORT <n>} once it accepts connections, then serves until killed.
 */
public final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(Path.of(args[0]), 0);
        System.out.println("PORT " + mongo.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
