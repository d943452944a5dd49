package org.jingban.notification;

import org.jingban.platform.test.ServiceSmokeTest;

/** Starts notification-service on the embedded broker and store: health, metrics and API document (see {@link ServiceSmokeTest}). */
class NotificationServiceSmokeTest extends ServiceSmokeTest {
}
