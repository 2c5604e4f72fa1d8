// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.SchoolLife;

/// <summary>
/// A student's attendance on <paramref name="Date"/> changed: marked at a roll call, reported, justified or decided.
/// </summary>
public sealed record AttendanceChanged(int SchoolId, int StudentId, DateOnly Date);
