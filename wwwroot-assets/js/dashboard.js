// The dashboard grid in the browser: dragging a card by its handle or resizing it by its corner
// with a mouse, a finger or a pen (pointer events), snapped to the 12 columns and the row height;
// the keyboard inside a card's actions menu; putting focus back after the server re-renders.
// The browser only shows where a card would land or how big it would be; the server decides.
const COLUMNS = 12;

export function attach(grid, dotnet, maxHeight) {
    let drag = null;

    function cellAt(e) {
        const box = grid.getBoundingClientRect();
        const style = getComputedStyle(grid);
        const columnGap = parseFloat(style.columnGap) || 0;
        const rowGap = parseFloat(style.rowGap) || 0;
        const columnWidth = (box.width - columnGap * (COLUMNS - 1)) / COLUMNS;
        const rowHeight = parseFloat(style.gridAutoRows) || 96;
        return {
            x: Math.floor((e.clientX - box.left) / (columnWidth + columnGap)),
            y: Math.floor((e.clientY - box.top) / (rowHeight + rowGap)),
        };
    }

    const clamp = (value, min, max) => Math.min(Math.max(value, min), max);

    // Where the card would go (moving) or how big it would be (resizing), in grid cells.
    function target(e) {
        const cell = cellAt(e);
        if (drag.resizing) {
            return {
                x: drag.x, y: drag.y,
                width: clamp(cell.x - drag.x + 1, drag.minWidth, COLUMNS - drag.x),
                height: clamp(cell.y - drag.y + 1, drag.minHeight, maxHeight),
            };
        }
        return {
            x: clamp(cell.x - drag.grabX, 0, COLUMNS - drag.width), y: Math.max(cell.y - drag.grabY, 0),
            width: drag.width, height: drag.height,
        };
    }

    function showGhost(e) {
        const t = target(e);
        drag.ghost.style.gridColumn = `${t.x + 1} / span ${t.width}`;
        drag.ghost.style.gridRow = `${t.y + 1} / span ${t.height}`;
        return t;
    }

    function onDown(e) {
        const handle = e.target.closest('.enoe-drag-handle, .enoe-resize-handle');
        if (!handle || !grid.contains(handle) || e.button > 0) return;
        const card = handle.closest('[data-placement]');
        const d = card.dataset;
        e.preventDefault();
        handle.setPointerCapture(e.pointerId);
        const ghost = document.createElement('div');
        ghost.className = 'enoe-drop-ghost';
        grid.appendChild(ghost);
        drag = {
            card, ghost, pointerId: e.pointerId, id: Number(d.placement),
            resizing: handle.classList.contains('enoe-resize-handle'),
            x: Number(d.x), y: Number(d.y), width: Number(d.w), height: Number(d.h),
            minWidth: Number(d.minW) || 1, minHeight: Number(d.minH) || 1,
        };
        const cell = cellAt(e);
        drag.grabX = cell.x - drag.x;
        drag.grabY = cell.y - drag.y;
        card.classList.add(drag.resizing ? 'enoe-resizing' : 'enoe-dragging');
        showGhost(e);
    }

    function onMove(e) {
        if (drag && e.pointerId === drag.pointerId) showGhost(e);
    }

    // The card never left its place: if the server refuses, it is simply still there.
    function end() {
        drag.ghost.remove();
        drag.card.classList.remove('enoe-dragging', 'enoe-resizing');
        drag = null;
    }

    async function onUp(e) {
        if (!drag || e.pointerId !== drag.pointerId) return;
        const t = target(e);
        const { id, resizing, x, y, width, height } = drag;
        end();
        if (resizing && (t.width !== width || t.height !== height))
            await dotnet.invokeMethodAsync('ResizeToAsync', id, t.width, t.height);
        else if (!resizing && (t.x !== x || t.y !== y)) await dotnet.invokeMethodAsync('DropAsync', id, t.x, t.y);
    }

    function onCancel(e) {
        if (drag && e.pointerId === drag.pointerId) end();
    }

    // One menu open at most. Arrow keys, Home and End move between its items (Tab goes through them
    // too); Escape closes it and puts focus back on its button.
    const openMenu = () => grid.querySelector('.enoe-widget-menu');
    const menuButton = menu => grid.querySelector(`[aria-controls="${menu.id}"]`);

    function closeMenu(menu, refocus) {
        if (refocus) menuButton(menu)?.focus();
        dotnet.invokeMethodAsync('CloseMenu', refocus);
    }

    function onKey(e) {
        if (e.key === 'Escape' && drag) { end(); e.preventDefault(); return; }
        const menu = openMenu();
        if (!menu) return;
        if (e.key === 'Escape' && (menu.contains(e.target) || e.target === menuButton(menu))) {
            closeMenu(menu, true);
            e.preventDefault();
            return;
        }
        if (!menu.contains(e.target) && e.target !== menuButton(menu)) return;
        const items = [...menu.querySelectorAll('[role=menuitem]:not(:disabled)')];
        // -1 on the menu button: down goes to the first item, up to the last
        const index = items.indexOf(document.activeElement);
        const last = items.length - 1;
        const next = { ArrowDown: index + 1, ArrowUp: index < 0 ? last : index - 1, Home: 0, End: last }[e.key];
        if (next === undefined || items.length === 0) return;
        items[(next + items.length) % items.length].focus();
        e.preventDefault();
    }

    // A click elsewhere, or focus going elsewhere, closes the open menu.
    function onOutside(e) {
        const menu = openMenu();
        const goingTo = e.type === 'focusout' ? e.relatedTarget : e.target;
        if (!menu || !goingTo || menu.contains(goingTo) || menuButton(menu)?.contains(goingTo)) return;
        closeMenu(menu, false);
    }

    grid.addEventListener('pointerdown', onDown);
    grid.addEventListener('pointermove', onMove);
    grid.addEventListener('pointerup', onUp);
    grid.addEventListener('pointercancel', onCancel);
    grid.addEventListener('keydown', onKey);
    grid.addEventListener('focusout', onOutside);
    document.addEventListener('pointerdown', onOutside);
    return {
        // After a change the server asks for focus on a card's menu button (or, for a menu just
        // opened, its first item), wherever the card now stands.
        focus(placementId, intoMenu) {
            const card = grid.querySelector(`[data-placement="${placementId}"]`);
            if (!card) return;
            // Keys pressed while this request was on its way (End, arrows) already chose an item: keep it.
            if (intoMenu && card.contains(document.activeElement)
                && document.activeElement.getAttribute('role') === 'menuitem') return;
            const target = intoMenu
                ? card.querySelector('[role=menuitem]:not(:disabled)')
                : card.querySelector('.enoe-widget-menu-button') ?? card;
            target?.focus();
        },
        dispose() {
            grid.removeEventListener('pointerdown', onDown);
            grid.removeEventListener('pointermove', onMove);
            grid.removeEventListener('pointerup', onUp);
            grid.removeEventListener('pointercancel', onCancel);
            grid.removeEventListener('keydown', onKey);
            grid.removeEventListener('focusout', onOutside);
            document.removeEventListener('pointerdown', onOutside);
        },
    };
}
