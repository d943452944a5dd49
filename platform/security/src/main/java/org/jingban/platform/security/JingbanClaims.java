package org.jingban.platform.security;

/**
 * The JWT claims Jingban reads (docs/adr/security.md). Issuers (the provincial identity platform, the
 * local dev issuer, {@code TestTokens}) write exactly these.
 */
public final class JingbanClaims {

    /** Standard: the stable id of the person or client (a staff member's 工号, a citizen's account id). */
    public static final String SUBJECT = "sub";
    /** Display name (姓名 / 客户端名称), for the case history and the audit trail. */
    public static final String NAME = "name";
    /** Array of {@link Role} names. */
    public static final String ROLES = "roles";
    /** Standard: space-separated scopes of a system client (or an array). */
    public static final String SCOPE = "scope";
    /** 证件号码 of an insured person (居民身份证号码, validated with its check digit). */
    public static final String ID_NUMBER = "id_number";
    /** 统一社会信用代码 of the unit an employer agent acts for. */
    public static final String UNIT = "uscc";
    /** 定点医药机构编码 of the institution. */
    public static final String INSTITUTION = "institution_code";
    /** Array of 6-digit 医保区划 codes a staff member serves. */
    public static final String REGIONS = "regions";
    /** Standard: the OAuth2 client the token was issued to (portal, mini program...). */
    public static final String CLIENT_ID = "client_id";

    private JingbanClaims() {
    }
}
