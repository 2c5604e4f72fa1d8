using Enoe.Data.Assignments;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Assignments;

/// <summary>The state of a student's copy, in words.</summary>
public static class CopyStatusLabel
{
    public static RenderFragment Render(CopyStatus status, bool overdue) => status switch
    {
        CopyStatus.Returned => StatusLabel.Render("Corrigé", "done"),
        CopyStatus.HandedIn => StatusLabel.Render("Remis", "ok"),
        CopyStatus.Late => StatusLabel.Render("Remis en retard", "late"),
        _ => overdue ? StatusLabel.Render("Non remis", "missing") : StatusLabel.Render("À rendre", "todo"),
    };
}
