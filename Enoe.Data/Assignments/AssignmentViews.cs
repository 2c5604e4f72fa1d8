using Enoe.Data.Storage;

namespace Enoe.Data.Assignments;

public enum SubmissionStatus
{
    Missing,
    HandedIn,
    Late,
    Returned,
}

/// <summary>A devoir in a list: <see cref="Status"/> for a student or parent, the counts for its teachers.</summary>
public sealed record AssignmentListItem(
    int Id,
    string Title,
    string Audience,
    string Subject,
    string Teacher,
    DateTime DueAt,
    bool AcceptsLate,
    SubmissionStatus? Status,
    int HandedIn,
    int Students,
    int ToReturn
);

public sealed record SubmissionView(int Number, DateTime SubmittedAt, bool Late, IReadOnlyList<FileView> Files);

public sealed record ReturnView(string Comment, FileView? File, DateTime ReturnedAt);

/// <summary>One student's line in the teacher's follow-up.</summary>
public sealed record RosterRow(
    int StudentId,
    string Name,
    IReadOnlyList<SubmissionView> Submissions,
    ReturnView? Return
)
{
    public SubmissionStatus Status =>
        Return is not null ? SubmissionStatus.Returned
        : Submissions.Count == 0 ? SubmissionStatus.Missing
        : Submissions[^1].Late ? SubmissionStatus.Late
        : SubmissionStatus.HandedIn;
}

public sealed record AssignmentDetail(
    int Id,
    string Title,
    string Audience,
    string Subject,
    string Teacher,
    string Instructions,
    DateTime DueAt,
    bool AcceptsLate,
    IReadOnlyList<FileView> Files,
    bool CanManage,
    IReadOnlyList<RosterRow> Roster,
    RosterRow? LearnerRow
)
{
    /// <summary>Whether the student may still hand in at <paramref name="now"/>.</summary>
    public bool OpenAt(DateTime now) => AcceptsLate || now <= DueAt;
}
