/** Who calls (JWT claims), what they may do and where, and the audit trail of staff reads and decisions. */
package org.jingban.platform.security;
