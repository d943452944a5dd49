package org.jingban.platform.test.blocking;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Finds blocking calls on event-loop threads (Reactor Netty's, the Mongo driver's, the gateway's) during a test run:
 * with {@code -Djingban.blockhound=log} each distinct blocking call is printed once with the stack that made it; with
 * {@code =fail} it fails the call (BlockHound's {@code BlockingOperationError}) as BlockHound does by default. Off without the
 * property: the tests run as they always do. Needs {@code -XX:+AllowRedefinitionToAddDeleteMethods} on Java 17
 * (the root pom's {@code blockhound} profile sets both).
 */
public class BlockingCallsListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        String mode = System.getProperty("jingban.blockhound");
        if (mode == null || mode.isBlank() || "off".equals(mode)) {
            return;
        }
        BlockHoundInstaller.install(mode);   // a class of its own: BlockHound is loaded only when asked for
    }
}
