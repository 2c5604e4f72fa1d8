using Enoe.Data.Assignments;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Assignments;

/// <summary>The state of a student's submission, in words.</summary>
public static class SubmissionStatusLabel
{
    public static RenderFragment Render(SubmissionStatus status, bool overdue) =>
        status switch
        {
            SubmissionStatus.Returned => StatusLabel.Render(AssignmentsText.StatusReturned, "done"),
            SubmissionStatus.HandedIn => StatusLabel.Render(AssignmentsText.StatusHandedIn, "ok"),
            SubmissionStatus.Late => StatusLabel.Render(AssignmentsText.StatusLate, "late"),
            _ => overdue
                ? StatusLabel.Render(AssignmentsText.StatusMissing, "missing")
                : StatusLabel.Render(AssignmentsText.StatusToDo, "todo"),
        };
}
