// Dragging dashboard widgets with a mouse, a finger or a pen (pointer events), on a CSS grid of 12
// columns. The browser only shows where the widget would land; the server decides and stores it.
const COLUMNS = 12;

export function attach(grid, dotnet) {
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

    function target(e) {
        const cell = cellAt(e);
        return {
            x: Math.min(Math.max(cell.x - drag.grabX, 0), COLUMNS - drag.width),
            y: Math.max(cell.y - drag.grabY, 0),
        };
    }

    function showGhost(e) {
        const t = target(e);
        drag.ghost.style.gridColumn = `${t.x + 1} / span ${drag.width}`;
        drag.ghost.style.gridRow = `${t.y + 1} / span ${drag.height}`;
        return t;
    }

    function onDown(e) {
        const handle = e.target.closest('.enoe-drag-handle');
        if (!handle || !grid.contains(handle) || e.button > 0) return;
        const card = handle.closest('[data-placement]');
        e.preventDefault();
        handle.setPointerCapture(e.pointerId);
        const cell = cellAt(e);
        const ghost = document.createElement('div');
        ghost.className = 'enoe-drop-ghost';
        grid.appendChild(ghost);
        drag = {
            card, ghost, handle, pointerId: e.pointerId, id: Number(card.dataset.placement),
            width: Number(card.dataset.w), height: Number(card.dataset.h),
            grabX: cell.x - Number(card.dataset.x), grabY: cell.y - Number(card.dataset.y),
        };
        card.classList.add('enoe-dragging');
        showGhost(e);
    }

    function onMove(e) {
        if (drag && e.pointerId === drag.pointerId) showGhost(e);
    }

    function end() {
        drag.ghost.remove();
        drag.card.classList.remove('enoe-dragging');
        drag = null;
    }

    async function onUp(e) {
        if (!drag || e.pointerId !== drag.pointerId) return;
        const t = target(e);
        const id = drag.id;
        end();
        await dotnet.invokeMethodAsync('DropAsync', id, t.x, t.y);
    }

    function onCancel(e) {
        if (drag && e.pointerId === drag.pointerId) end();
    }

    grid.addEventListener('pointerdown', onDown);
    grid.addEventListener('pointermove', onMove);
    grid.addEventListener('pointerup', onUp);
    grid.addEventListener('pointercancel', onCancel);
    return {
        dispose() {
            grid.removeEventListener('pointerdown', onDown);
            grid.removeEventListener('pointermove', onMove);
            grid.removeEventListener('pointerup', onUp);
            grid.removeEventListener('pointercancel', onCancel);
        },
    };
}
