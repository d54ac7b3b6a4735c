/** deepgrid: a declarative runner of neural-network training experiments (YAML in, CSVs and a report out). */
package deepgrid;
