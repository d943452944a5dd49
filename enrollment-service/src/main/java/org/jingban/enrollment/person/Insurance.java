package org.jingban.enrollment.person;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.convert.ValueConverter;

/** One insurance of a person in one 统筹区 and 险种 (参保记录): status, category, unit and its periods. */
public class Insurance {

    public enum Status {
        ACTIVE("参保缴费"),
        INTERRUPTED("暂停缴费（中断）"),
        TERMINATED("终止参保"),
        SUSPENDED("中止参保"),
        TRANSFERRED_OUT("已转出");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final String EMPLOYEE_INSURANCE = "职工基本医疗保险";
    public static final String RESIDENT_INSURANCE = "城乡居民基本医疗保险";

    private String insuranceType;
    private String regionCode;
    private String unitId;
    private String unitName;
    @ValueConverter(PersonCategory.Stored.class)
    private PersonCategory category;
    private Status status;
    private long declaredWageFen;
    private List<Period> periods = new ArrayList<>();

    Insurance() {
    }

    Insurance(String insuranceType, String regionCode) {
        this.insuranceType = insuranceType;
        this.regionCode = regionCode;
    }

    boolean is(String type, String region) {
        return insuranceType.equals(type) && regionCode.equals(region);
    }

    void start(String unitId, String unitName, PersonCategory category, long wageFen, YearMonth month, String source) {
        this.unitId = unitId;
        this.unitName = unitName;
        this.category = category;
        this.declaredWageFen = wageFen;
        this.status = Status.ACTIVE;
        periods.add(new Period(month.toString(), null, regionCode, unitId, category.label(), source));
    }

    /** Closes the running period with {@code last} as its last month. */
    void closePeriod(YearMonth last) {
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).open()) {
                periods.set(i, periods.get(i).closedAt(last));
            }
        }
    }

    void setStatus(Status status) {
        this.status = status;
    }

    void setCategory(PersonCategory category) {
        this.category = category;
    }

    void setDeclaredWageFen(long fen) {
        this.declaredWageFen = fen;
    }

    void addPeriod(Period period) {
        periods.add(period);
    }

    /** 缴费月数: the distinct months the periods cover (a month with a change is counted once). */
    public long contributionMonths(YearMonth now) {
        java.util.Set<YearMonth> months = new java.util.HashSet<>();
        for (Period p : periods) {
            YearMonth end = p.to() == null ? now : YearMonth.parse(p.to());
            for (YearMonth m = YearMonth.parse(p.from()); !m.isAfter(end); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        return months.size();
    }

    /** The first month of the coverage's current run (its latest period's start), as 年月. */
    public String since() {
        if (periods.isEmpty()) {
            return "";
        }
        YearMonth from = YearMonth.parse(periods.get(periods.size() - 1).from());
        return from.getYear() + "年" + from.getMonthValue() + "月";
    }

    public String getInsuranceType() { return insuranceType; }
    public String getRegionCode() { return regionCode; }
    public String getUnitId() { return unitId; }
    public String getUnitName() { return unitName; }
    public PersonCategory getCategory() { return category; }
    public Status getStatus() { return status; }
    public long getDeclaredWageFen() { return declaredWageFen; }
    public List<Period> getPeriods() { return List.copyOf(periods); }
}
