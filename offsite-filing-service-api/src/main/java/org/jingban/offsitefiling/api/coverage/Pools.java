package org.jingban.offsitefiling.api.coverage;

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

    /** Both codes in one province (省内异地) rather than in two (跨省异地). */
    public static boolean sameProvince(String a, String b) {
        return a != null && b != null && a.length() >= 2 && b.length() >= 2 && a.substring(0, 2).equals(b.substring(0, 2));
    }
}
