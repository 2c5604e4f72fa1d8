// The last homework list shown (the carnet de bord's page and the "Mon carnet" widget), kept in this browser for the
// offline page (hors-ligne.html): plain text only (due day, subject, class, text), never HTML, with the moment it was
// saved. Forgotten at sign-out and on the sign-in page (js/install-app.js): a child's homework does not stay for the
// next person on a shared phone.
const KEY = "enoe.devoirs-hors-ligne";

// Called by the components after they render their list: [{ due: "2026-12-04", subject, audience, text }].
export function keep(who, items) {
    const copy = {
        savedAt: new Date().toISOString(),
        who: String(who ?? ""),
        items: (items ?? []).map(i => ({
            due: String(i.due ?? ""),
            subject: String(i.subject ?? ""),
            audience: String(i.audience ?? ""),
            text: String(i.text ?? ""),
        })),
    };
    try {
        localStorage.setItem(KEY, JSON.stringify(copy));
    } catch {
        // Storage full or switched off: the offline page says nothing was saved.
    }
}

export function forget() {
    try {
        localStorage.removeItem(KEY);
    } catch {
        // Storage switched off: nothing was kept either.
    }
}

// The copy kept, or null (none, or unreadable).
export function read() {
    try {
        const copy = JSON.parse(localStorage.getItem(KEY) ?? "null");
        return copy && Array.isArray(copy.items) && !Number.isNaN(Date.parse(copy.savedAt)) ? copy : null;
    } catch {
        return null;
    }
}
