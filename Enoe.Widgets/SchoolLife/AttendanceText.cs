using Enoe.Data.SchoolLife;

namespace Enoe.Widgets.SchoolLife;

/// <summary>How absences read, in the reader's language.</summary>
public static class AttendanceText
{
    public static string What(AbsenceView a) =>
        a.Kind == AttendanceKind.Lateness
            ? SchoolLifeText.FormatKind_Late(a.MinutesLate ?? 0)
            : SchoolLifeText.Kind_Absence;

    public static string Status(JustificationStatus status) =>
        status switch
        {
            JustificationStatus.Pending => SchoolLifeText.Status_Pending,
            JustificationStatus.Accepted => SchoolLifeText.Status_Accepted,
            JustificationStatus.Refused => SchoolLifeText.Status_Refused,
            _ => SchoolLifeText.Status_None,
        };

    /// <summary>The status, with the motive when there is one.</summary>
    public static string Justification(AbsenceView a) =>
        a.Motive is not { } motive ? Status(a.Justification)
        : a.Admissible ? $"{Status(a.Justification)} · {motive}"
        : $"{Status(a.Justification)} · {motive} ({SchoolLifeText.Motive_NotAdmissible})";

    public static string Hours(AbsenceView a) => $"{a.StartsAt:HH\\:mm}–{a.EndsAt:HH\\:mm}";

    public static string Initials(string name) =>
        string.Concat(
            name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0]))
        );
}
