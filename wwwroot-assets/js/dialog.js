// A native modal <dialog>: the browser keeps focus inside it, closes it on Escape (the 'close'
// event tells the server) and gives focus back to what had it before.
export function open(dialog) {
    if (!dialog.open) dialog.showModal();
}

export function close(dialog) {
    if (dialog.open) dialog.close();
}
