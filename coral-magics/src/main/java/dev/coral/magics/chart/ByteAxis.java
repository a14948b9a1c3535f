package dev.coral.magics.chart;

/**
 * Scales byte counts into one binary unit chosen from the largest value, so that a chart's axis ticks
 * are round numbers of that unit (0.5, 1, 1.5 MiB) rather than odd byte counts.
 *
 * @param divisor bytes per unit
 * @param unit    the unit's name ({@code B}, {@code KiB}, {@code MiB}, …)
 */
record ByteAxis(double divisor, String unit) {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    static ByteAxis forMaximum(double maxBytes) {
        int u = 0;
        double divisor = 1;
        while (u < UNITS.length - 1 && maxBytes / divisor >= 1024) {
            divisor *= 1024;
            u++;
        }
        return new ByteAxis(divisor, UNITS[u]);
    }

    static ByteAxis forSeries(Iterable<double[]> series) {
        double max = 0;
        for (double[] values : series) {
            for (double v : values) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return forMaximum(max);
    }

    double[] scale(double[] bytes) {
        double[] out = new double[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] / divisor;
        }
        return out;
    }

    /** The axis title with the unit: {@code "stored (MiB)"}, or just the unit. */
    String title(String axisTitle) {
        return axisTitle.isEmpty() ? unit : axisTitle + " (" + unit + ")";
    }
}
