/** The command line: picocli commands, one class per subcommand, each returning its exit code; only Main calls System.exit. */
package deepgrid.cli;
