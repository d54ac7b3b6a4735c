/**
 * Beyond one machine: the Slurm launcher (job arrays whose tasks train runs into the shared
 * results folder), the task files it hands them, the sbatch script, and {@code --shard}.
 */
package deepgrid.run.cluster;
