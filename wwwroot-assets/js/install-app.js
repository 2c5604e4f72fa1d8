// ENOE as an app on a phone: registers the service worker (/service-worker.js) where browsers allow one (HTTPS, or
// this machine), and forgets the homework kept for the offline page when someone signs out. A registration that
// fails (private browsing, an old browser, a policy) changes nothing for the page.
import { forget } from "./offline-homework.js";

// Signing out (the user menu's form), and the sign-in page (where signing out and an ended session lead).
document.addEventListener("submit", e => {
    const action = e.target instanceof HTMLFormElement ? e.target.getAttribute("action") : null;
    if (action && new URL(action, location.href).pathname === "/compte/deconnexion") forget();
}, true);
if (location.pathname === "/connexion") forget();

if (window.isSecureContext && "serviceWorker" in navigator) {
    const register = () => navigator.serviceWorker.register("/service-worker.js", { scope: "/" }).catch(() => {});
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
}
