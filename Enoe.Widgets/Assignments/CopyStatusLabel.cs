using Enoe.Data.Assignments;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Assignments;

/// <summary>The state of a student's copy as words and colour (never colour alone); plain markup, no component per row.</summary>
public static class CopyStatusLabel
{
    public static RenderFragment Render(CopyStatus status, bool overdue) => builder =>
    {
        var (text, css) = status switch
        {
            CopyStatus.Returned => ("Corrigé", "done"),
            CopyStatus.HandedIn => ("Remis", "ok"),
            CopyStatus.Late => ("Remis en retard", "late"),
            _ => overdue ? ("Non remis", "missing") : ("À rendre", "todo"),
        };
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"enoe-status enoe-status-{css}");
        builder.AddContent(2, text);
        builder.CloseElement();
    };
}
