package dev.census.server.store;

/**
 * Power-of-two histogram buckets: 0, 1, 2-3, 4-7, 8-15, … A value's bucket is stored as an exponent
 * when it arrives, so both engines group by a plain column.
 */
public final class PowerOfTwoBuckets {

    /** The bucket of values in [0, 1). */
    public static final short BELOW_ONE = -1;
    /** The bucket of negative values. */
    public static final short NEGATIVE = -2;

    private PowerOfTwoBuckets() {
    }

    public static short exponent(double value) {
        if (value < 0) {
            return NEGATIVE;
        }
        if (value < 1) {
            return BELOW_ONE;
        }
        return (short) Math.min(62, 63 - Long.numberOfLeadingZeros((long) Math.min(value, Long.MAX_VALUE)));
    }

    /** The public label of a bucket: "<0", "0", "1", "2-3", "4-7", … */
    public static String label(int exponent) {
        if (exponent == NEGATIVE) {
            return "<0";
        }
        if (exponent == BELOW_ONE) {
            return "0";
        }
        if (exponent == 0) {
            return "1";
        }
        long low = 1L << exponent;
        return low + "-" + ((low << 1) - 1);
    }

    /** Sort position of a label, so buckets chart in numeric order. */
    public static long lowerBound(String label) {
        if (label.equals("<0")) {
            return -1;
        }
        int dash = label.indexOf('-');
        return Long.parseLong(dash < 0 ? label : label.substring(0, dash));
    }
}
