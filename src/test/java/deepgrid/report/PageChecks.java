package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks shared by the report.html tests. */
final class PageChecks {
    private PageChecks() {
    }

    /**
     * The page parses as XML (every tag closed, every entity known, attributes quoted), which a
     * browser's HTML parser reads the same way; every svg has its closing tag.
     */
    static Document assertWellFormed(String page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
        assertEquals("html", doc.getDocumentElement().getTagName());
        assertEquals(ReportPageTest.count(page, "<svg "), ReportPageTest.count(page, "</svg>"));
        return doc;
    }
}
