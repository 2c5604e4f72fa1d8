// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.Bookings;

/// <summary>
/// A booking of a resource was made, cancelled or decided; <paramref name="BookingId"/> is 0 when a whole
/// series was booked or decided at once. <paramref name="PersonId"/> is the booking's author.
/// </summary>
public sealed record BookingChanged(int BookingId, int ResourceId, int SchoolId, int PersonId);
