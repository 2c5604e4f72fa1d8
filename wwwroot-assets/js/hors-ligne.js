// The offline page (hors-ligne.html): the retry button, and the last homework list kept in this browser
// (js/offline-homework.js), written with textContent only: what a teacher typed is shown as text, never as HTML.
import { read } from "./offline-homework.js";

const days = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const savedDay = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" });
const savedTime = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit" });

document.getElementById("offline-retry").addEventListener("click", () => location.reload());

const copy = read();
if (copy) {
    const saved = new Date(copy.savedAt);
    const whose = copy.who ? ` (${copy.who})` : "";
    document.getElementById("homework-saved").textContent =
        `Enregistrés le ${savedDay.format(saved)} à ${savedTime.format(saved)}${whose}.`;
    const list = document.getElementById("homework-list");
    if (copy.items.length === 0) {
        const empty = document.createElement("li");
        empty.textContent = "Aucun devoir à faire dans la liste enregistrée.";
        list.append(empty);
    }
    for (const item of copy.items) {
        const row = document.createElement("li");
        const heading = document.createElement("strong");
        const due = Date.parse(`${item.due}T00:00:00Z`);
        const day = Number.isNaN(due) ? "" : days.format(due);
        heading.textContent = day ? `${day[0].toUpperCase()}${day.slice(1)} · ${item.subject}` : item.subject;
        const audience = document.createElement("span");
        audience.className = "offline-meta";
        audience.textContent = item.audience ? ` (${item.audience})` : "";
        const text = document.createElement("p");
        text.className = "offline-text";
        text.textContent = item.text;
        row.append(heading, audience, text);
        list.append(row);
    }
    list.hidden = false;
}
