package dev.relock.advisory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The base score of a CVSS v3.0/v3.1 vector ({@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}),
 * computed with the specification's base equations and its 3.1 round-up, and the qualitative
 * rating of that score (None, Low, Medium, High, Critical). Temporal and environmental metrics
 * in the vector are ignored. Other CVSS versions are not scored.
 */
final class Cvss3 {
    private Cvss3() {}

    /** A base score and its rating. */
    record Score(double value, String rating) {
        /** The score with one decimal, e.g. {@code 9.8} or {@code 10.0}. */
        String number() {
            return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        }

        @Override
        public String toString() {
            return rating + ", CVSS " + number();
        }
    }

    /** The score of {@code vector}; empty when it is not a complete CVSS 3.x base vector. */
    static Optional<Score> score(String vector) {
        String[] parts = vector.strip().split("/");
        if (parts.length < 9 || !(parts[0].equals("CVSS:3.0") || parts[0].equals("CVSS:3.1"))) {
            return Optional.empty();
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            m.put(parts[i].substring(0, colon), parts[i].substring(colon + 1));
        }
        boolean changed = "C".equals(m.get("S"));
        if (!changed && !"U".equals(m.get("S"))) {
            return Optional.empty();
        }
        double av = weight(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        double ac = weight(m.get("AC"), "L", 0.77, "H", 0.44);
        double pr = weight(m.get("PR"), "N", 0.85, "L", changed ? 0.68 : 0.62, "H", changed ? 0.5 : 0.27);
        double ui = weight(m.get("UI"), "N", 0.85, "R", 0.62);
        double c = weight(m.get("C"), "H", 0.56, "L", 0.22, "N", 0);
        double i = weight(m.get("I"), "H", 0.56, "L", 0.22, "N", 0);
        double a = weight(m.get("A"), "H", 0.56, "L", 0.22, "N", 0);
        if (Double.isNaN(av + ac + pr + ui + c + i + a)) {
            return Optional.empty();
        }
        double iss = 1 - (1 - c) * (1 - i) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        double base = impact <= 0 ? 0
                : roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
        return Optional.of(new Score(base, rating(base)));
    }

    /** CVSS 3.1's round-up to one decimal, robust to floating-point noise. */
    static double roundUp(double value) {
        long scaled = Math.round(value * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
    }

    static String rating(double score) {
        if (score == 0) {
            return "NONE";
        }
        return score < 4 ? "LOW" : score < 7 ? "MEDIUM" : score < 9 ? "HIGH" : "CRITICAL";
    }

    /** The weight of {@code value} among {@code pairs} (value, weight, ...); NaN when missing or unknown. */
    private static double weight(String value, Object... pairs) {
        if (value == null) {
            return Double.NaN;
        }
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k].equals(value.toUpperCase(Locale.ROOT))) {
                return ((Number) pairs[k + 1]).doubleValue();
            }
        }
        return Double.NaN;
    }
}
