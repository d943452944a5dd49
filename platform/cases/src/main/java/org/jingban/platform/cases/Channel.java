package org.jingban.platform.cases;

/** Where an application came in (申请渠道). */
public enum Channel {
    PORTAL("政务服务网"),
    MINI_PROGRAM("小程序"),
    WINDOW("窗口"),
    JOINT("联办"),
    MAIL("邮寄"),
    SYSTEM("系统");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
