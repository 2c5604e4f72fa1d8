using Enoe.Data.People;

namespace Enoe.Data.Bookings;

public sealed class ResourceCategory
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";
}

public enum ResourceKind
{
    Room,
    Equipment,
}

/// <summary>
/// A room or piece of equipment of an établissement that people book. Equipment may have several units (a chariot of 15
/// tablets).
/// </summary>
public sealed class BookableResource
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int CategoryId { get; set; }
    public ResourceCategory? Category { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ResourceKind Kind { get; set; }

    /// <summary>How many can be out at once: 1 for a room.</summary>
    public int Units { get; set; } = 1;

    /// <summary>Who may book it.</summary>
    public Profile BookableBy { get; set; } = Profile.Teacher | Profile.Staff | Profile.SchoolAdmin;
    public bool NeedsApproval { get; set; }

    /// <summary>Who approves its bookings (besides the direction).</summary>
    public int? ManagerId { get; set; }
    public Person? Manager { get; set; }
    public TimeOnly OpensAt { get; set; } = new(7, 30);
    public TimeOnly ClosesAt { get; set; } = new(18, 30);
    public bool Active { get; set; } = true;
}

public enum BookingStatus
{
    Pending,
    Approved,
    Refused,
    Cancelled,
}

/// <summary>
/// A booking of a resource over a period (stored in UTC). Pending and approved bookings hold the slot.
/// </summary>
public sealed class Booking
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ResourceId { get; set; }
    public BookableResource? Resource { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int Units { get; set; } = 1;
    public string? Reason { get; set; }
    public int? SchoolClassId { get; set; }
    public Structure.SchoolClass? SchoolClass { get; set; }
    public BookingStatus Status { get; set; }

    /// <summary>The weekly series it belongs to, if any.</summary>
    public Guid? SeriesId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }

    public static readonly BookingStatus[] Holding = [BookingStatus.Pending, BookingStatus.Approved];
}

/// <summary>School holidays: weekly series skip them. <see cref="SchoolId"/> null: the académie's calendar.</summary>
public sealed class HolidayPeriod
{
    public int Id { get; set; }
    public int? SchoolId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
}
