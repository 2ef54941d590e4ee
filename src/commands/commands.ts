// The ribbon's function file (commands.html). "Check application" opens the task pane
// (ShowTaskpane), so there is no command code to run; the page must still load Office.js and
// call onReady for Outlook to treat the add-in's runtime as ready.
import { whenOfficeReady } from '../adapters/office/host';

void whenOfficeReady();
