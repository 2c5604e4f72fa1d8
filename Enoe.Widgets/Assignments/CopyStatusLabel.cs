using Enoe.Data.Assignments;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Assignments;

/// <summary>The state of a student's copy, in words.</summary>
public static class CopyStatusLabel
{
    public static RenderFragment Render(CopyStatus status, bool overdue) => status switch
    {
        CopyStatus.Returned => StatusLabel.Render(AssignmentsText.StatusReturned, "done"),
        CopyStatus.HandedIn => StatusLabel.Render(AssignmentsText.StatusHandedIn, "ok"),
        CopyStatus.Late => StatusLabel.Render(AssignmentsText.StatusLate, "late"),
        _ => overdue ? StatusLabel.Render(AssignmentsText.StatusMissing, "missing") : StatusLabel.Render(AssignmentsText.StatusToDo, "todo"),
    };
}
