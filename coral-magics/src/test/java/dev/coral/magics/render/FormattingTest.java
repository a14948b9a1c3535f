package dev.coral.magics.render;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormattingTest {

    @Test
    void percentagesNeverReadAsZeroOrHundredWhenTheyAreNot() {
        assertEquals("0 %", HumanFormat.percent(0));
        assertEquals("<0.01 %", HumanFormat.percent(1e-7));
        assertEquals("1.23 %", HumanFormat.percent(0.0123));
        assertEquals("50 %", HumanFormat.percent(0.5));
        assertEquals(">99.99 %", HumanFormat.percent(0.999999));
        assertEquals("100 %", HumanFormat.percent(1));
        assertEquals("–", HumanFormat.percent(Double.NaN));
    }

    @Test
    void numbersDurationsAndCosines() {
        assertEquals("0.1235", HumanFormat.number(0.123456));
        assertEquals("12.35", HumanFormat.number(12.3456));
        assertEquals("12346", HumanFormat.number(12345.6));
        assertEquals("1.235e-05", HumanFormat.number(1.2345e-5));
        assertEquals("1.000e06", HumanFormat.number(1e6));
        assertEquals("–", HumanFormat.number(Double.NaN));
        assertEquals("∞", HumanFormat.number(Double.POSITIVE_INFINITY));
        assertEquals("850 µs", HumanFormat.duration(Duration.ofNanos(850_000)));
        assertEquals("1.534 ms", HumanFormat.duration(Duration.ofNanos(1_534_000)));
        assertEquals("2.40 s", HumanFormat.duration(Duration.ofMillis(2400)));
        assertEquals("3 min 05 s", HumanFormat.duration(Duration.ofSeconds(185)));
        assertEquals("0.999997", HumanFormat.cosine(0.9999968));
        assertEquals("1", HumanFormat.cosine(1.0));
        assertEquals("0.5", HumanFormat.cosine(0.5));
        assertEquals("12.5×", HumanFormat.ratio(12.5));
        assertEquals("1,234,567", HumanFormat.count(1234567));
    }

    @Test
    void escapingCoversTextAndAttributes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", Html.escape("<a href=\"x\" title='y'>&</a>"));
        assertEquals("plain", Html.escape("plain"));
        assertEquals("", Html.text(null).toString());
        assertEquals("<code>&lt;b&gt;</code>", Html.tag("code", Html.text("<b>")).toString());
    }

    @Test
    void naturalOrderCountsDigitRuns() {
        List<String> names = new ArrayList<>(List.of("layers.10.w", "layers.2.w", "layers.1.w", "layers.02.w", "a", "layers.2.b",
                "x99999999999999999999999", "x100000000000000000000000"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a", "layers.1.w", "layers.2.b", "layers.02.w", "layers.2.w", "layers.10.w",
                "x99999999999999999999999", "x100000000000000000000000"), names);
    }

    @Test
    void tablesPageLongContentWithoutScriptAndCountWhatIsNotSent() {
        HtmlTable table = new HtmlTable().column("name", Align.LEFT).column("n", Align.RIGHT).pageSize(3).maxRows(5);
        for (int i = 0; i < 8; i++) {
            table.row("row<" + i + ">", i);
        }
        String html = table.toHtml().toString();
        assertEquals(5, RecordViewsTest.count(html, "<tr><td") + RecordViewsTest.count(html, "<tr class=\"coral-more\">"));
        assertEquals(2, RecordViewsTest.count(html, "<tr class=\"coral-more\">"));
        assertTrue(html.contains("<details><summary><span class=\"coral-closed\">show all 5 rows (2 more)</span>"
                + "<span class=\"coral-open\">show the first 3 rows only</span></summary></details>"), html);
        assertTrue(html.contains("… 3 more rows not shown"), html);
        assertTrue(html.contains("row&lt;0&gt;"), html);
        assertTrue(html.contains("<td class=\"coral-r\">4</td>"), html);
        assertFalse(html.contains("<script"), html);

        String small = new HtmlTable().column("a", Align.LEFT).row("x").toHtml().toString();
        assertFalse(small.contains("<details>"), small);
    }

    @Test
    void rowsFromAHugeListMakeCellsOnlyForTheRowsSent() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> items = java.util.stream.IntStream.range(0, 1_000_000).boxed().toList();
        HtmlTable table = new HtmlTable().column("n", Align.RIGHT).rows(items, i -> {
            made.incrementAndGet();
            return new Object[] {i};
        });
        assertEquals(HtmlTable.DEFAULT_MAX_ROWS, made.get());
        assertEquals(1_000_000, table.rowCount());
        assertTrue(table.toHtml().toString().contains("… 999,000 more rows not shown"));
    }
}
