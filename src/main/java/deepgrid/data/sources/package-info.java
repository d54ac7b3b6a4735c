/** One record per built-in data source (logic tables, spiral, moons, circles, blobs, sine, mnist, idx, csv) and the catalog the {@code datasets} command lists. */
package deepgrid.data.sources;
