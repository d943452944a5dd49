package org.jingban.platform.test.blocking;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Installs BlockHound for {@link BlockingCallsListener}, with the integrations found on the class path (Reactor's
 * marks its event-loop and parallel threads as non-blocking; without them nothing is checked): {@code log} prints
 * each distinct blocking call once, on standard error, with the project's frames of its stack.
 */
final class BlockHoundInstaller {

    private static final Set<String> seen = ConcurrentHashMap.newKeySet();

    private BlockHoundInstaller() {
    }

    static void install(String mode) {
        BlockHoundIntegration ours = builder -> {
            // logging to the console and files is accepted everywhere (it is how a call would be seen at all)
            builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
                    .allowBlockingCallsInside("ch.qos.logback.core.rolling.RollingFileAppender", "subAppend")
                    .allowBlockingCallsInside("java.io.PrintStream", "println")
                    .allowBlockingCallsInside("java.io.PrintStream", "write")
                    // found by the first run (designated-institution-service, 329 tests) and accepted:
                    // UUID.randomUUID and the SM2 signer read /dev/urandom, which does not block
                    .allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes")
                    // the Mongo driver's connection pool takes its own lock for a moment on its event loops
                    .allowBlockingCallsInside("com.mongodb.internal.Locks", "checkedWithLock")
                    // one-time class initialisations: the division table read from the jar, zstd's native library
                    .allowBlockingCallsInside("org.jingban.platform.identifiers.Divisions$Table", "load")
                    .allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load");
            if ("log".equals(mode)) {
                builder.blockingMethodCallback(BlockHoundInstaller::print);
            }
        };
        BlockHound.install(ours);
        System.err.println("BlockHound installed (jingban.blockhound=" + mode + ")");
    }

    private static void print(reactor.blockhound.BlockingMethod method) {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        String where = Arrays.stream(stack)
                .filter(e -> (e.getClassName().startsWith("org.jingban") || e.getClassName().startsWith("de.bwaldvogel"))
                        && !e.getClassName().startsWith(BlockHoundInstaller.class.getName()))
                .limit(6).map(StackTraceElement::toString).collect(Collectors.joining(" <- "));
        if (seen.add(method + " @ " + where)) {
            System.err.println("BLOCKING " + method + " on " + Thread.currentThread().getName() + " at " + where);
            if (where.isEmpty()) {
                System.err.println("  " + Arrays.stream(stack).limit(25).map(StackTraceElement::toString)
                        .collect(Collectors.joining("\n  ")));
            }
        }
    }
}
