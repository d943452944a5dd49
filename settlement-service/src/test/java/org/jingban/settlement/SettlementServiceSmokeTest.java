package org.jingban.settlement;

import org.jingban.platform.test.ServiceSmokeTest;

/** Starts settlement-service on the embedded broker and store: health, metrics and API document (see {@link ServiceSmokeTest}). */
class SettlementServiceSmokeTest extends ServiceSmokeTest {
}
