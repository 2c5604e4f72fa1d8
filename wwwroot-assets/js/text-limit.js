// How much room a long text has left, counted in the browser (no round trip per keystroke). The
// field's maxlength is exactly what the server accepts; when it stops a paste short the browser
// says nothing, so this does: "Limite de 20 000 caractères atteinte…". The texts come from the page
// (data-count, data-reached, with {count} and {max}), in the reader's language.
export function attach(container) {
    const field = container.querySelector('textarea[maxlength]');
    const status = container.querySelector('[data-text-limit]');
    if (!field || !status || field.maxLength <= 0) return;
    const language = document.documentElement.lang || undefined;
    const number = n => n.toLocaleString(language);
    const update = () => {
        const count = field.value.length, max = field.maxLength;
        const text = count >= max ? status.dataset.reached : count >= max * 0.9 ? status.dataset.count : '';
        status.textContent = (text ?? '').replace('{count}', number(count)).replace('{max}', number(max));
    };
    field.addEventListener('input', update);
    field.addEventListener('focus', update); // the server may have put another text in it
    update();
}
