package org.jingban.platform.benefits;

/** 险种: the basic medical insurance scheme a claim is paid under; each has its own {@link Policy}. */
public enum Scheme {
    /** 职工基本医疗保险: has a personal account (个人账户). */
    EMPLOYEE("职工基本医疗保险"),
    /** 城乡居民基本医疗保险: no personal account. */
    RESIDENT("城乡居民基本医疗保险");

    private final String label;

    Scheme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
