using Enoe.Data.People;

namespace Enoe.Data.Bookings;

/// <summary>A booking asked for in Paris time: a day and a period (a time slot or free times).</summary>
public sealed record BookingRequest(
    int ResourceId,
    DateOnly Date,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    int Units = 1,
    string? Reason = null,
    int? SchoolClassId = null
);

public enum OccurrenceState
{
    Free,
    Conflict,
    Holiday,
}

/// <summary>One week of a weekly series, as it would be booked.</summary>
public sealed record Occurrence(DateOnly Date, OccurrenceState State, string? Detail);

public sealed record BookingView(
    int Id,
    int ResourceId,
    string Resource,
    string Person,
    DateTime StartsAt,
    DateTime EndsAt,
    int Units,
    string? Reason,
    string? Class,
    BookingStatus Status,
    bool Mine,
    bool CanCancel,
    bool CanDecide,
    Guid? SeriesId
);

public sealed record BookableResourceView(
    int Id,
    string Name,
    int CategoryId,
    string Category,
    ResourceKind Kind,
    int Units,
    bool NeedsApproval,
    TimeOnly OpensAt,
    TimeOnly ClosesAt,
    string? Description,
    Profile BookableBy,
    int? ManagerId,
    string? Manager,
    bool CanBook
);

/// <summary>What a manager fills in for a resource; <see cref="Id"/> 0 creates.</summary>
public sealed class BookableResourceDraft
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string? Description { get; set; }
    public ResourceKind Kind { get; set; }
    public int Units { get; set; } = 1;
    public Profile BookableBy { get; set; } = Profile.Teacher | Profile.Staff | Profile.SchoolAdmin;
    public bool NeedsApproval { get; set; }
    public int? ManagerId { get; set; }
    public TimeOnly OpensAt { get; set; } = new(7, 30);
    public TimeOnly ClosesAt { get; set; } = new(18, 30);
}
