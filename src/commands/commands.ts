/**
 * The function file's script (commands.html): ribbon handlers, registered with Office once
 * Office.js is ready. Office shows no UI for this page.
 */

/**
 * Handler for a "check in place" ribbon command. The Check targets button opens the task pane
 * (Action ShowTaskpane in manifest.xml), and the pane checks as soon as it opens
 * (src/taskpane/hooks/use-checker.ts), so Office does not call this handler yet: it stays
 * registered, and completes its event, for a later ExecuteFunction button.
 */
export async function checkTargets(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The in-place check lands here with the Office.js adapter (src/excel): run the check, and
    // show any failure to the user (docs/architecture.md, conventions) before the event is completed.
  } finally {
    event.completed();
  }
}

async function register(): Promise<void> {
  await Office.onReady();
  Office.actions.associate("checkTargets", checkTargets);
}

register().catch((error: unknown) => {
  reportError(error);
});
