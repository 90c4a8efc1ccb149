/// <reference types="office-js" />
/** Task-pane entry: the shared runtime's page; functions.js is loaded beside it. */
import { startTaskpane } from "./startup";

Office.onReady(() => void startTaskpane(document.getElementById("app")!));
