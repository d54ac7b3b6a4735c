package deepgrid.report.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers for people and for SVG coordinates; the same number always gives the same text (Locale.ROOT). */
public final class Fmt {
    private Fmt() {
    }

    /** {@code v} rounded to {@code digits} significant digits: 0.9611, 0.0096, 1.2e-5, 1.199e179; "–" for NaN. */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e6) {
            String e = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v); // 1.20e+05, 2.5e-07
            return e.replaceFirst("e\\+?(-?)0*(\\d)", "e$1$2");
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** A tick label: plain for 0.001 to 99999, else like 1e-05; never "0.6000000000000001". */
    public static String tick(double v) {
        double a = Math.abs(v);
        if (v != 0 && (a < 1e-3 || a >= 1e5)) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
            int exponent = d.precision() - d.scale() - 1;
            String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return (mantissa.equals("1") ? "1" : mantissa) + "e" + exponent;
        }
        return sig(v, 6);
    }

    /** An SVG coordinate, to a tenth of a pixel. */
    public static String px(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
            String s = String.format(Locale.ROOT, "%.1f", v); // never for a drawn point; kept exact anyway
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        long tenths = Math.round(Math.abs(v) * 10); // half away from zero, as %.1f; no Formatter: pages have ~10⁵ points
        if (tenths == 0) {
            return "0";
        }
        String sign = v < 0 ? "-" : "";
        long whole = tenths / 10;
        long tenth = tenths % 10;
        return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
    }
}
