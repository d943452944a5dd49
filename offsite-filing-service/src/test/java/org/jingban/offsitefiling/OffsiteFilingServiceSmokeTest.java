package org.jingban.offsitefiling;

import org.jingban.platform.test.ServiceSmokeTest;

/** Starts offsite-filing-service on the embedded broker and store: health, metrics and API document (see {@link ServiceSmokeTest}). */
class OffsiteFilingServiceSmokeTest extends ServiceSmokeTest {
}
