package org.jingban.platform.cases;

/** What a history entry records. */
public enum CaseAction {
    SUBMIT("提交申请"),
    ACCEPT("受理"),
    REJECT("不予受理"),
    REQUEST_SUPPLEMENT("一次性告知补正"),
    SUPPLEMENT("补正材料"),
    COMPLETE_STAGE("完成环节"),
    INSERT_STAGES("增加环节"),
    COMPLETE("办结"),
    COMPLETE_INSTANTLY("即时办结"),
    REFUSE("办理未通过"),
    WITHDRAW("撤回申请"),
    EVALUATE("服务评价");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
