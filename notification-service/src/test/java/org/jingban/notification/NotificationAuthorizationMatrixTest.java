package org.jingban.notification;

import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.test.WithJingbanInfrastructure;

/**
 * Every operation's @Access rule probed from the API document (no token → 401, a role not named → 403). The inbox is
 * the caller's own ({@code /me}), so no operation addresses another party's object by path.
 */
@WithJingbanInfrastructure
class NotificationAuthorizationMatrixTest extends AuthorizationMatrixTest {
}
