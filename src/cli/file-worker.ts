import { checkOne, type Task } from "./check-one";

/**
 * A child process that checks workbooks of a folder one at a time (isolated.ts starts and feeds
 * it): each task comes in over IPC and its outcome goes back the same way. Run apart so that a
 * file that takes too long or too much memory is killed alone, not the batch; kept for the next
 * file otherwise, so that a folder of small workbooks does not pay a process start for each.
 */
process.on("message", (task: Task) => {
  checkOne(task).then(
    (outcome) => process.send?.(outcome),
    (bug: unknown) => {
      // checkOne turns every failure into an outcome: reaching here is a bug, reported as one.
      process.stderr.write(`${bug instanceof Error ? (bug.stack ?? bug.message) : String(bug)}\n`);
      process.exit(3);
    },
  );
});
