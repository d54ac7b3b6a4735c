package deepgrid.run.grid.search;

import static deepgrid.run.grid.search.SearchFixture.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Truncated-normal log masses, densities and quantiles against mpmath at 50 digits (fixtures
 * from scripts/make-search-fixtures.py). Tolerances are relative and far above rounding noise
 * (1e−15; commons-math3's erfc reaches 1.2e−13 in the far tail) but far below any difference
 * that would change a sampler's choice.
 */
class TruncNormTest {
    @Test
    void logPhiMatchesMpmathInAllThreeRegimes() {
        for (JsonNode c : SearchFixture.list("log_ndtr")) {
            double a = c.get("a").doubleValue();
            assertRel(c.get("log_phi").doubleValue(), TruncNorm.logNdtr(a), 1e-12, "log Φ(" + a + ")");
        }
    }

    @Test
    void logMassMatchesMpmathIncludingFarTailsWhereTheNaiveDifferenceFails() {
        int naiveFailures = 0;
        for (JsonNode c : SearchFixture.list("log_mass")) {
            double a = c.get("a").doubleValue();
            double b = c.get("b").doubleValue();
            double expected = c.get("log_mass").doubleValue();
            assertRel(expected, TruncNorm.logGaussMass(a, b), 1e-12, "log mass [" + a + ", " + b + "]");
            double naive = Math.log(c.get("naive_difference").doubleValue());
            if (!(Math.abs(naive - expected) <= 1e-3 * Math.abs(expected))) {
                naiveFailures++;
            }
        }
        // the fixture holds intervals where Φ(b) − Φ(a) in doubles is 0 or wrong in the first digits
        assertTrue(naiveFailures >= 5, "only " + naiveFailures + " intervals defeat the naive difference");
    }

    @Test
    void ndtriExpInvertsLogPhi() {
        for (JsonNode c : SearchFixture.list("ndtri_exp")) {
            double y = c.get("y").doubleValue();
            double expected = c.get("x").doubleValue();
            double x = TruncNorm.ndtriExp(y);
            if (expected == 0) {
                assertEquals(0, x, 1e-14, "ndtri_exp(log 1/2)");
            } else {
                assertRel(expected, x, 1e-12, "ndtri_exp(" + y + ")");
            }
        }
    }

    @Test
    void ppfMatchesMpmathBisection() {
        for (JsonNode c : SearchFixture.list("ppf")) {
            double q = c.get("q").doubleValue();
            double a = c.get("a").doubleValue();
            double b = c.get("b").doubleValue();
            double expected = c.get("x").doubleValue();
            double x = TruncNorm.ppf(q, a, b);
            String what = "ppf(" + q + "; " + a + ", " + b + ")";
            if (Math.abs(expected) < 1e-12) {
                assertEquals(expected, x, 1e-12, what);
            } else {
                // the tails are steep: 1e−9 of x is still far inside a kernel's own width
                assertRel(expected, x, 1e-9, what);
            }
        }
    }

    @Test
    void ppfIsTheInverseOfTheTruncatedCdfAtItsEnds() {
        assertEquals(-1.5, TruncNorm.ppf(0, -1.5, 2), 0);
        assertEquals(2, TruncNorm.ppf(1, -1.5, 2), 0);
    }

    @Test
    void logPdfMatchesMpmathAndIsMinusInfinityOutside() {
        for (JsonNode c : SearchFixture.list("logpdf")) {
            double x = c.get("x").doubleValue();
            double a = c.get("a").doubleValue();
            double b = c.get("b").doubleValue();
            assertRel(c.get("logpdf").doubleValue(), TruncNorm.logPdf(x, a, b), 1e-11, "logpdf(" + x + ")");
        }
        assertEquals(Double.NEGATIVE_INFINITY, TruncNorm.logPdf(1.5, -1, 1));
    }
}
