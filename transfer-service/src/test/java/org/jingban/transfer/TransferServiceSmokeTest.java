package org.jingban.transfer;

import org.jingban.platform.test.ServiceSmokeTest;

/** Starts transfer-service on the embedded broker and store: health, metrics and API document (see {@link ServiceSmokeTest}). */
class TransferServiceSmokeTest extends ServiceSmokeTest {
}
