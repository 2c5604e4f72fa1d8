namespace Enoe.Data.Privacy;

/// <summary>
/// One reading, as "Mes données" lists it. <see cref="Function"/> is stored coded (<see cref="ReaderFunctions"/>).
/// </summary>
public sealed record AccessLogRow(DateTime At, PersonalDataKind Kind, string ReaderName, string Function);

public sealed record AccessLogPage(int Total, IReadOnlyList<AccessLogRow> Rows);

/// <summary>A person whose data the reader may look at: themself, a child, a student they direct.</summary>
public sealed record DataSubject(int Id, string Name);

public sealed record ExportView(
    int Id,
    DataExportStatus Status,
    int Progress,
    DateTime RequestedAt,
    DateTime? ExpiresAt,
    long? SizeBytes
);

/// <summary>Published as an export moves on (its progress, ready, failed): its page reloads it.</summary>
public sealed record DataExportChanged(int ExportId, int SubjectId);
