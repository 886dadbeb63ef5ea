package dev.census.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component version and its rollups: {@code 3.49.1} rolls up to {@code 3.49} (X.Y) and
 * {@code 3.49.1} (X.Y.Z); pre-releases such as {@code 3.22.0.dev} or {@code 2.0.0a6} roll up by
 * their leading numbers, and anything without a leading {@code X.Y} rolls up to {@link #UNKNOWN}.
 */
public record Version(String text, String xy, String xyz, boolean release) {

    /** The rollup bucket of a version without a leading {@code X.Y}. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern RELEASE = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    private static final Pattern LEADING = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?.*", Pattern.DOTALL);

    /**
     * Parses any version text; never fails.
     *
     * @param text the version as reported
     * @return the version, rolled up to {@link #UNKNOWN} when the text is not parseable
     */
    public static Version parse(String text) {
        if (isRelease(text)) {
            Matcher m = RELEASE.matcher(text);
            m.matches();
            String xy = m.group(1) + "." + m.group(2);
            return new Version(text, xy, text, true);
        }
        Matcher m = LEADING.matcher(text);
        if (!m.matches()) {
            return new Version(text, UNKNOWN, UNKNOWN, false);
        }
        String xy = strip(m.group(1)) + "." + strip(m.group(2));
        String xyz = m.group(3) == null ? xy : xy + "." + strip(m.group(3));
        return new Version(text, xy, xyz, false);
    }

    /**
     * Whether a version is a release.
     *
     * @param text the version
     * @return true when the text is strictly {@code X.Y.Z} with decimal numbers and no leading zeros
     */
    public static boolean isRelease(String text) {
        return text != null && RELEASE.matcher(text).matches();
    }

    private static String strip(String digits) {
        return String.valueOf(Long.parseLong(digits));
    }
}
