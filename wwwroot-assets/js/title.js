// The title of a page opened in a live circuit (Enoe.Widgets/Common/DocumentTitle.razor): the server renders it
// once with the page, then sets it here as people move between pages.
window.enoe = Object.assign(window.enoe || {}, {
    setTitle(text) {
        document.title = text;
    },
});
