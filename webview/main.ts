/**
 * Webview entry point (bundled by esbuild into dist/webview/main.js as an IIFE, loaded with the
 * CSP nonce). Wiring only.
 */
// First: records CSP violations from here on (see the module's comment).
import './cspViolations';
import { App } from './app';
import { connectToHost } from './hostChannel';
import { MAIN_VIEWS } from './views/mainViews';

new App(document.getElementById('app') ?? document.body, connectToHost(), { views: MAIN_VIEWS, hostActions: true }).start();
