package deepgrid.report.html;

/**
 * A marked moment on a chart's line: a small triangle pointing down at (x, y), in the line's
 * colour, whose label shows on hover (an SVG title: no script).
 */
public record Mark(double x, double y, String color, String label) {
}
