// ENOE's service worker (registered by js/install-app.js, scope "/"): it makes the app installable and answers a
// page the network cannot reach with the offline page (hors-ligne.html), which reads the last homework list from
// the browser's own storage (js/hors-ligne.js).
// It caches nothing else, on purpose: pages are personal (marks, mémos, a child's homework), answers carry
// personal data, and the circuit (/_blazor) is a live connection; a phone may be shared by a family, and what a
// cache keeps outlives a sign-out. So pages and answers always come from the network, never from a cache.
// Change VERSION whenever the offline page or one of its files changes: the new worker fetches them again and
// deletes the older caches when it takes over.
const VERSION = "1";
const CACHE = `enoe-hors-ligne-v${VERSION}`;
const OFFLINE_PAGE = "/hors-ligne.html";
// The offline page and what it loads (all public, the same for everyone).
const OFFLINE_FILES = [
    OFFLINE_PAGE,
    "/css/hors-ligne.css",
    "/js/hors-ligne.js",
    "/js/offline-homework.js",
    "/img/logo-enoe.svg",
    "/img/icon-192.png",
];

self.addEventListener("install", event => {
    event.waitUntil((async () => {
        const cache = await caches.open(CACHE);
        // "reload": from the server, not from the browser's HTTP cache (which may hold an older copy).
        await cache.addAll(OFFLINE_FILES.map(path => new Request(path, { cache: "reload" })));
        await self.skipWaiting();
    })());
});

self.addEventListener("activate", event => {
    event.waitUntil((async () => {
        for (const name of await caches.keys())
            if (name.startsWith("enoe-") && name !== CACHE) await caches.delete(name);
        // Pages go to the network at once, in parallel with the worker starting up (a navigation is not slower).
        if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
        await self.clients.claim();
    })());
});

self.addEventListener("fetch", event => {
    const request = event.request;
    if (request.method !== "GET") return; // form posts (sign-in, sign-out) go to the network untouched
    const url = new URL(request.url);
    if (url.origin !== self.location.origin || url.pathname.startsWith("/_blazor")) return;
    if (request.mode === "navigate") {
        event.respondWith(pageOrOffline(event));
    } else if (OFFLINE_FILES.includes(url.pathname) && url.search === "") {
        // The offline page's own files: from the network when it answers (always fresh), else the cached copy.
        event.respondWith(fetch(request).catch(() => cached(url.pathname)));
    }
    // Everything else (scripts, styles, the circuit, downloads, API answers) is left to the browser: no cache here.
});

// A page: from the network, as always; only when the network itself fails (no connection), the offline page. An
// answer the server gave (an error page, a redirect to sign in) is shown as it came.
async function pageOrOffline(event) {
    try {
        const preloaded = await event.preloadResponse;
        if (preloaded) return preloaded;
        return await fetch(event.request);
    } catch {
        return cached(OFFLINE_PAGE);
    }
}

async function cached(path) {
    const cache = await caches.open(CACHE);
    return (await cache.match(path)) ?? Response.error();
}
