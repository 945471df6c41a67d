/** The task pane's entry in Excel (taskpane.html, after office.js). */
import { showStartFailure, start } from "./boot";

start().catch(showStartFailure);
