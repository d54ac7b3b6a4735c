/** Self-contained HTML and inline SVG: escaping, a small markup builder, and line charts with linear or log axes and nice ticks; knows nothing of deepgrid's results. */
package deepgrid.report.html;
