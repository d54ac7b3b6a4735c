package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict scalars: YAML 1.1's implicit types never apply. Each row: the text as written
 * (quoted when the row says so), then the value, or what the message says was found.
 */
class ScalarsTest {
    private static Node.Scalar plain(String text) {
        return new Node.Scalar(new Pos("t.yaml", 1, 1), text, false);
    }

    private static Node.Scalar quoted(String text) {
        return new Node.Scalar(new Pos("t.yaml", 1, 1), text, true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10          | 10
            -3          | -3
            +7          | 7
            0           | 0
            """)
    void integers(String text, long value) {
        StringBuilder why = new StringBuilder();
        assertEquals(value, Scalars.integer(plain(text), why));
        assertEquals("", why.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.5                  | found 1.5 (not whole)
            1e3                  | found 1e3 (write 1000)
            3.0                  | found 3.0 (write 3)
            ten                  | found 'ten'
            012                  | found 012 (a leading zero: YAML 1.1 reads it as octal; write 12)
            -007                 | found -007 (a leading zero: YAML 1.1 reads it as octal; write -7)
            0x1F                 | found '0x1F'
            1_000                | found '1_000'
            99999999999999999999 | found 99999999999999999999 (too large)
            ~                    | found nothing (null)
            """)
    void notIntegers(String text, String found) {
        StringBuilder why = new StringBuilder();
        assertNull(Scalars.integer(plain(text), why));
        assertEquals(found, why.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0.1     | 0.1
            1e-3    | 0.001
            -2.5E2  | -250
            .5      | 0.5
            3.      | 3
            0       | 0
            """)
    void numbers(String text, double value) {
        StringBuilder why = new StringBuilder();
        assertEquals(value, Scalars.number(plain(text), why));
        assertEquals("", why.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            .nan    | found '.nan'
            .inf    | found '.inf'
            -.inf   | found '-.inf'
            nan     | found 'nan'
            NaN     | found 'NaN'
            1e999   | found 1e999 (out of range)
            00.5    | found 00.5 (a leading zero: YAML 1.1 reads it as octal; write 0.5)
            abc     | found 'abc'
            """)
    void notNumbers(String text, String found) {
        StringBuilder why = new StringBuilder();
        assertNull(Scalars.number(plain(text), why));
        assertEquals(found, why.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | true
            True  | true
            FALSE | false
            """)
    void booleans(String text, boolean value) {
        assertEquals(value, Scalars.bool(plain(text), new StringBuilder()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yes | found 'yes' (YAML 1.1's yes/no/on/off are not booleans here)
            NO  | found 'NO' (YAML 1.1's yes/no/on/off are not booleans here)
            on  | found 'on' (YAML 1.1's yes/no/on/off are not booleans here)
            1   | found '1'
            """)
    void notBooleans(String text, String found) {
        StringBuilder why = new StringBuilder();
        assertNull(Scalars.bool(plain(text), why));
        assertEquals(found, why.toString());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            10   | found the string '10'
            true | found the string 'true'
            """)
    void quotedTextIsAStringNeverANumberOrBoolean(String text, String found) {
        StringBuilder ints = new StringBuilder();
        StringBuilder bools = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        assertNull(Scalars.integer(quoted(text), ints));
        assertNull(Scalars.number(quoted(text), numbers));
        assertNull(Scalars.bool(quoted(text), bools));
        assertEquals(found, ints.toString());
        assertEquals(found, numbers.toString());
        assertEquals(found, bools.toString());
    }
}
