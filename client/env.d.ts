/**
 * Build-time constants that client/build.ts injects with esbuild `define`.
 * They exist only in the bundles; nothing reads them at run time from a global.
 */

/** File name (content-hashed) of the widget panel bundle, relative to widget.js. */
declare const __FAQBOT_PANEL_FILE__: string;
/** Minified CSS of the widget launcher (drawn before the panel loads). */
declare const __FAQBOT_LAUNCHER_CSS__: string;
/** Minified CSS of the widget panel: the shared chat view plus the floating frame. */
declare const __FAQBOT_PANEL_CSS__: string;
