package org.jingban.platform.cases.application;

/** No case with that id or number (in this service's database). */
public class CaseNotFoundException extends RuntimeException {

    private final String reference;

    public CaseNotFoundException(String reference) {
        super("未找到办件：" + reference);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
