namespace Enoe.Data.Grades;

public sealed record TermView(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>Minimum, maximum and mean of an assessment's marks, on its own scale (rounded).</summary>
public sealed record ClassStats(decimal? Min, decimal? Max, decimal? Mean, int Count);

public sealed record AssessmentSummary(
    int Id,
    string Title,
    string Audience,
    int SubjectId,
    string Subject,
    DateOnly Date,
    decimal Scale,
    decimal Coefficient,
    DateTime? PublishedAt,
    int? SchoolClassId,
    int? TeachingGroupId,
    DateTime? ParentsSeeAt = null
);

public sealed record GridRow(int StudentId, string Name, string Cell);

/// <summary>
/// The marks grid of one assessment, with its statistics and the distribution of its marks in five bands (/20).
/// </summary>
public sealed record GradeGrid(
    AssessmentSummary Assessment,
    IReadOnlyList<GridRow> Rows,
    ClassStats Stats,
    IReadOnlyList<int> Distribution
);

/// <summary>
/// A student's result on one assessment: <see cref="Cell"/> as shown ("" when nothing was entered), <see cref="Kind"/>
/// null then.
/// </summary>
public sealed record StudentGrade(
    int AssessmentId,
    string Title,
    DateOnly Date,
    decimal Scale,
    decimal Coefficient,
    GradeKind? Kind,
    string Cell,
    ClassStats Class,
    DateTime PublishedAt
);

public sealed record SubjectReport(
    int SubjectId,
    string Subject,
    decimal Coefficient,
    decimal? Average,
    IReadOnlyList<StudentGrade> Grades
);

/// <summary>
/// A student's marks for a term as they or their parents see them, with the general average and its history over the
/// terms.
/// </summary>
public sealed record GradesReport(
    int StudentId,
    string Student,
    TermView? Term,
    IReadOnlyList<TermView> Terms,
    IReadOnlyList<SubjectReport> Subjects,
    decimal? General,
    IReadOnlyList<(string Term, decimal? General)> History
);

/// <summary>One of the latest published marks (the widget).</summary>
public sealed record LatestGrade(
    int AssessmentId,
    string Subject,
    string Title,
    GradeKind Kind,
    string Cell,
    decimal Scale,
    DateTime PublishedAt
);

/// <summary>The latest published marks of a student, and whose they are (a parent's page names the child).</summary>
public sealed record LatestGrades(int? StudentId, IReadOnlyList<LatestGrade> Grades);

public sealed class AssessmentDraft
{
    public int? SchoolClassId { get; set; }
    public int? TeachingGroupId { get; set; }
    public int SubjectId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public decimal Scale { get; set; } = 20;
    public decimal Coefficient { get; set; } = 1;
}
