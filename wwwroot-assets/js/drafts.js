// Drafts kept in this browser as the person types, so a reload, a closed tab or a lost connection
// loses nothing (the server used to save them after the field lost focus, one round trip later).
//
// - Written 400 ms after the last keystroke, and at once when the page is hidden, closed or left.
//   The write itself is synchronous (an XOR with a keystream prepared in advance), so it completes
//   even while the page is going away: an asynchronous encryption begun in 'pagehide' would not.
// - Encrypted with AES-CTR under a key that only the signed-in person's page receives. The key is
//   stored beside the draft wrapped by the server (Data Protection, for that person alone): another
//   account on this browser can neither read nor restore it, not even from the console.
// - One draft per person and per form; the server clears it once the text is sent.
// - 'data-draft-state' on the form: 'ready' once attached, 'pending' while a change waits, 'saved'
//   once written (tests wait for it rather than for time).
// - Web Crypto exists only on secure pages (HTTPS, localhost). Elsewhere nothing is stored: a
//   draft in clear would be readable by whoever uses the browser next.

const Delay = 400;
const MinimumKeystream = 64 * 1024;
const states = new WeakMap();
const typedBeforeAttach = new WeakSet();

// Typing may start before the server has attached the form: what is typed then is newer than any
// stored draft, which must not overwrite it.
document.addEventListener('input', e => {
    const form = e.target.closest?.('[data-draft-form]');
    if (form && !states.has(form)) typedBeforeAttach.add(form);
}, true);

/** The wrapped key stored with a draft, for the server to unwrap; null when there is no draft. */
export function storedKey(storageKey) {
    return readRecord(storageKey)?.key ?? null;
}

/**
 * Starts saving the form's [data-draft] fields, with `context` (what the server holds: recipients…),
 * and returns the stored draft as JSON when the person has not typed into the form yet, else null.
 */
export async function attach(form, storageKey, rawKey, wrappedKey, context) {
    if (!globalThis.crypto?.subtle) return null;
    const key = await crypto.subtle.importKey('raw', fromBase64(rawKey), 'AES-CTR', false, ['encrypt', 'decrypt']);
    const state = { form, storageKey, wrappedKey, key, context, timer: 0, keystream: null };
    state.keystream = await newKeystream(key, MinimumKeystream);
    const restored = typedBeforeAttach.has(form) ? null : await decrypt(key, readRecord(storageKey));

    state.onChange = () => schedule(state);
    state.onHide = () => { if (state.timer) save(state); };
    state.onVisibility = () => { if (document.visibilityState === 'hidden') state.onHide(); };
    form.addEventListener('input', state.onChange);
    form.addEventListener('change', state.onChange);
    window.addEventListener('pagehide', state.onHide);
    document.addEventListener('visibilitychange', state.onVisibility);
    states.set(form, state);
    if (typedBeforeAttach.has(form)) schedule(state);
    else form.dataset.draftState = 'ready';
    return restored;
}

/** What the server keeps of the draft changed (a recipient added…): saved at once. */
export function remember(form, context) {
    const state = states.get(form);
    if (!state) return;
    state.context = context;
    save(state);
}

/** The draft was sent: forget it; what is typed next is a new draft, with this context. */
export function clear(form, context) {
    const state = states.get(form);
    if (!state) return;
    clearTimeout(state.timer);
    state.timer = 0;
    state.context = context;
    localStorage.removeItem(state.storageKey);
    form.dataset.draftState = 'saved';
}

/** The form leaves the page: a pending change is written now. */
export function detach(form) {
    const state = states.get(form);
    if (!state) return;
    if (state.timer) save(state);
    form.removeEventListener('input', state.onChange);
    form.removeEventListener('change', state.onChange);
    window.removeEventListener('pagehide', state.onHide);
    document.removeEventListener('visibilitychange', state.onVisibility);
    states.delete(form);
}

function schedule(state) {
    state.form.dataset.draftState = 'pending';
    clearTimeout(state.timer);
    state.timer = setTimeout(() => save(state), Delay);
}

function save(state) {
    clearTimeout(state.timer);
    state.timer = 0;
    const fields = {};
    for (const field of state.form.querySelectorAll('[data-draft]')) fields[field.dataset.draft] = field.value;
    const plain = new TextEncoder().encode(JSON.stringify({ fields, context: state.context }));
    const stream = state.keystream;
    if (!stream || stream.bytes.length < plain.length) {
        // Longer than the prepared keystream (never with the forms' limits): prepare one, then write.
        newKeystream(state.key, plain.length * 2).then(s => { state.keystream = s; save(state); });
        return;
    }
    state.keystream = null; // a keystream is used once
    const data = plain.map((b, i) => b ^ stream.bytes[i]);
    try {
        const record = { key: state.wrappedKey, iv: toBase64(stream.iv), data: toBase64(data) };
        localStorage.setItem(state.storageKey, JSON.stringify(record));
        state.form.dataset.draftState = 'saved';
    } catch {
        state.form.dataset.draftState = 'failed'; // storage full or refused: the text is still in the form
    }
    newKeystream(state.key, Math.max(MinimumKeystream, plain.length * 2)).then(s => { state.keystream ??= s; });
}

/** AES-CTR's keystream for a fresh counter block: encrypting zeros gives it. */
async function newKeystream(key, length) {
    const iv = crypto.getRandomValues(new Uint8Array(16));
    const algorithm = { name: 'AES-CTR', counter: iv, length: 64 };
    const bytes = new Uint8Array(await crypto.subtle.encrypt(algorithm, key, new Uint8Array(length)));
    return { iv, bytes };
}

async function decrypt(key, record) {
    if (!record?.iv || !record?.data) return null;
    try {
        const algorithm = { name: 'AES-CTR', counter: fromBase64(record.iv), length: 64 };
        const plain = await crypto.subtle.decrypt(algorithm, key, fromBase64(record.data));
        const text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
        JSON.parse(text); // a record from another key or tampered with decrypts to noise
        return text;
    } catch {
        return null;
    }
}

function readRecord(storageKey) {
    try { return JSON.parse(localStorage.getItem(storageKey) ?? 'null'); }
    catch { return null; }
}

function toBase64(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
}

function fromBase64(text) {
    return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}
