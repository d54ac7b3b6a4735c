/** One class per layer kind: dense, standalone activation, dropout, batch normalization, maxout. */
package deepgrid.nn.layers;
