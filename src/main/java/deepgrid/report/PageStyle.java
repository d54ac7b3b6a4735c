package deepgrid.report;

/**
 * The page's one style sheet, inline so the file stands alone. Plain system fonts, tables
 * that fit on paper, charts that keep their shape, and a print layout that opens every
 * collapsed block (where the browser supports ::details-content) and avoids splitting charts.
 * No '&lt;' or '&amp;' may appear here: the page is also well-formed XML.
 */
final class PageStyle {
    static final String CSS = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
              "Liberation Sans", "DejaVu Sans", sans-serif; color: #222;
              max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; background: #fff; }
            h1 { font-size: 26px; margin: 8px 0 4px; }
            h2 { font-size: 19px; margin: 32px 0 6px; padding-bottom: 3px; border-bottom: 1px solid #ddd; }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            .description { font-size: 16px; margin: 0 0 8px; }
            .note, .counts, .generated { color: #555; margin: 6px 0; max-width: 70em; }
            .generated { font-size: 12px; }
            nav a { margin-right: 14px; }
            table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
            th, td { padding: 4px 9px; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
            th { background: #f5f5f5; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.grid th { background: none; font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 400; }
            tr.best td { background: #fff6d6; font-weight: 600; }
            tr.significant td { background: #eaf6ea; }
            .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; vertical-align: -1px; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 4px 16px; }
            figure { margin: 6px 0; }
            svg.chart { max-width: 100%; height: auto; }
            details { border: 1px solid #e3e3e3; border-radius: 4px; padding: 4px 10px; margin: 8px 0; }
            summary { cursor: pointer; font-weight: 600; padding: 3px 0; }
            summary .run { font-weight: 400; color: #666; font-size: 12px; }
            .findings { margin: 4px 0; }
            .wide { overflow-x: auto; }
            table.multiples th, table.multiples td { border: none; padding: 2px 4px; background: none; }
            table.multiples th { font-weight: 400; font-size: 12px; white-space: nowrap; }
            .maps { display: flex; flex-wrap: wrap; gap: 6px 14px; }
            figure.map { margin: 4px 0; }
            figure.map figcaption, figure.thumb figcaption { font-size: 12px; color: #555; }
            .legend { font-size: 12px; color: #444; margin: 2px 0 12px; }
            table.confusion td.num { min-width: 2.6em; }
            table.confusion th { font-weight: 400; }
            .strip { display: flex; flex-wrap: wrap; gap: 4px 10px; }
            figure.thumb { margin: 2px 0; width: 84px; }
            figure.thumb img { image-rendering: pixelated; border: 1px solid #ccc; }
            pre { background: #f7f7f7; padding: 10px; overflow-x: auto; font-size: 12px; }
            code { font-size: 12px; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11px; }
              nav { display: none; }
              figure, tr, details { break-inside: avoid; }
              h2 { break-after: avoid; }
              .charts { grid-template-columns: 1fr 1fr; }
            }
            @media print { details::details-content { content-visibility: visible; display: block; } }
            """;

    private PageStyle() {
    }
}
