// A tab left hidden (another tab in front, a phone in a pocket) lets go of its circuit after a while: the server
// frees what it held for the tab, and its live events stop there. Shown again, the tab takes a new circuit, which
// renders the page afresh from the database (the unread count included). The delay, in seconds, comes from the
// server (Enoe:Circuits:PauseHiddenAfterSeconds) on this script's tag, read each time the tab hides; 0 never pauses.
// A page someone typed into stays live: the new circuit would render it afresh, without what they wrote and did not
// save (components keep no state across a pause).
(() => {
    const tag = document.currentScript;
    let timer = null;
    let paused = false;
    let typedOn = null; // the address of the page last typed into
    document.addEventListener("input", () => (typedOn = location.href), true);

    async function pause() {
        timer = null;
        if (document.visibilityState !== "hidden" || paused || typedOn === location.href) return;
        paused = await Blazor.pauseCircuit();
        if (document.visibilityState === "visible") resume(); // shown again while it paused
    }

    async function resume() {
        if (!paused) return;
        paused = false;
        // Refused (the server restarted, the state expired): a reload is the way back.
        if (!(await Blazor.resumeCircuit())) location.reload();
    }

    document.addEventListener("visibilitychange", () => {
        const delay = Number(tag?.dataset.pauseAfter ?? 0) * 1000;
        if (document.visibilityState === "hidden") {
            if (delay > 0) timer ??= setTimeout(pause, delay);
        } else {
            clearTimeout(timer);
            timer = null;
            resume();
        }
    });
})();
