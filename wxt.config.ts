import { defineConfig } from 'wxt';
import { libraryPatches } from './src/build/library-patches';
import { adapterHostPermissions } from './src/crm/registry';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Icons and other static files; the top level of the repository is kept to the fixed set.
  publicDir: 'src/public',
  // Firefox is built as MV3 too (`wxt build -b firefox` → .output/firefox-mv3): Chrome's
  // manifest (host_permissions, optional_host_permissions for user rules, scripting, action),
  // with the background as an event page (Firefox runs no extension service workers). WXT's
  // MV2 form would drop optional_host_permissions, so user rules could not ask for their host.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    ...(browser === 'firefox' ? FIREFOX_MANIFEST : {}),
    // Text from src/public/_locales/<lang>/messages.json, in the browser's language.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    short_name: '__MSG_ext_short_name__',
    description: '__MSG_ext_description__',
    // webRequest is observation only: the CRM's own save request and its answer confirm a loss
    // (see src/detection/network-observer.ts). No blocking, nothing is sent anywhere.
    // storage: settings (lost labels, user rules), read by content scripts too.
    // scripting: runs the content script on the user's own CRM rules' pages (registered at run time).
    // alarms + notifications: "Later" reminders that open the reflection in an extension page.
    // unlimitedStorage: the lessons in IndexedDB are the only copy; in Chromium this is what
    // exempts them from eviction when the disk runs low (navigator.storage.persist() is not
    // granted to an extension page there), and Firefox grants persistent storage with it. No
    // install warning. See the README's Permissions.
    permissions: [
      'webRequest',
      'storage',
      'unlimitedStorage',
      'scripting',
      'alarms',
      'notifications',
    ],
    // Only the CRMs Rebound has adapters for; no <all_urls>.
    host_permissions: adapterHostPermissions(),
    // A user rule for another CRM asks for that one host when it is saved. Chromium grants
    // permissions.request only origins the manifest lists as optional, and the user's CRM host
    // is not known here: so the broad https pattern is optional, never granted as such (a rule
    // for every site or a public suffix is refused, src/settings/rule-host.ts). No http: CRM
    // pages carry the user's deals and are served over https.
    optional_host_permissions: ['https://*/*'],
    // Only the extension's own scripts: no eval, no remote code, no plugins, not framed. The
    // search and import workers are files of the package ('self').
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    // WXT lists src/public/icon/<size>.png (drawn by `npm run icons`) as `icons` by itself; the
    // toolbar button's icons are the popup's (entrypoints/popup/index.html), in every build.
    action: { default_title: '__MSG_ext_short_name__' },
    commands: {
      'reflect-manually': {
        // Alt+Shift+R is never assigned by Chromium on Linux (it keeps that key); L is.
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_command_reflect_manually__',
      },
    },
  }),
  hooks: {
    // The SVGs are what the PNGs are drawn from, not part of the extension.
    'build:publicAssets': (_wxt, files) => {
      const drawings = files.filter((file) => file.relativeDest.endsWith('.svg'));
      for (const drawing of drawings) files.splice(files.indexOf(drawing), 1);
    },
  },
  zip: {
    // The sources zip Firefox's review rebuilds the add-on from: what `npm ci && wxt build -b
    // firefox` reads, and nothing else (no tests, bench, CI, lint config). Everything is left out
    // but this list (includeSources wins over excludeSources); test files stay out by negation.
    excludeSources: ['**'],
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'entrypoints/**',
      'src/**',
      '!**/*.test.{ts,tsx}',
      '!**/*.test-helper.ts',
    ],
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Library code Rebound never runs that reads as eval / HTML injection to add-on review
    // (src/build/library-patches.ts), in every bundle: the workers (search, import) are
    // bundles of their own, with zod in them.
    plugins: [libraryPatches()],
    worker: { plugins: () => [libraryPatches()] },
  }),
});

// ── Firefox only ────────────────────────────────────────────────────────────────────────────
/**
 * What Firefox needs beyond Chrome's manifest. The id is Rebound's identity on AMO and in the
 * profile (where its lessons' IndexedDB lives): it must never change. 140 is the first Firefox
 * (and ESR) that knows data_collection_permissions; it also grants MV3 host permissions at
 * install (Firefox 127+), so detection works without the user opting in per site.
 */
const FIREFOX_MANIFEST = {
  browser_specific_settings: {
    gecko: {
      id: 'rebound@rebound-lessons',
      strict_min_version: '140.0',
      // Rebound sends nothing anywhere: the lessons stay on the device.
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android learnt data_collection_permissions in 142, not 140.
    gecko_android: { strict_min_version: '142.0' },
  },
};
