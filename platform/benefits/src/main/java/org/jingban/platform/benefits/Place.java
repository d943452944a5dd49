package org.jingban.platform.benefits;

/**
 * 就医地: where the visit took place as seen from the 参保地. Off-site visits may have their ratio adjusted by
 * {@link Policy#filedOffsitePoints()} and {@link Policy#unfiledOffsitePoints()}.
 */
public enum Place {
    IN_POOL("统筹区内"),
    /** 异地就医 with a filing (异地就医备案) valid on the day of the visit. */
    FILED_OFFSITE("异地已备案"),
    /** 异地就医 without a valid filing. */
    UNFILED_OFFSITE("异地未备案");

    private final String label;

    Place(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
