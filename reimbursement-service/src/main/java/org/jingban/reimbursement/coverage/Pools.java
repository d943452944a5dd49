package org.jingban.reimbursement.coverage;

/**
 * Region codes (6-digit 行政区划代码) as pools: a code ending in {@code 0000} stands for its province, one ending in
 * {@code 00} for its city (地市), any other for itself (a county pooled on its own, e.g. 松潘县 513224). A visit region
 * lies within a pool when it begins with the pool's significant digits.
 */
public final class Pools {

    private Pools() {
    }

    public static boolean within(String visitRegion, String pool) {
        if (visitRegion == null || pool == null || pool.length() != 6) {
            return false;
        }
        return visitRegion.startsWith(significant(pool));
    }

    private static String significant(String pool) {
        if (pool.endsWith("0000")) {
            return pool.substring(0, 2);
        }
        return pool.endsWith("00") ? pool.substring(0, 4) : pool;
    }
}
