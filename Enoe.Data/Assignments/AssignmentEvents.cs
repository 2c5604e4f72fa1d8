// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.Assignments;

/// <summary>
/// A devoir was set, or a student's submission of it handed in or returned (<paramref name="StudentId"/>).
/// </summary>
public sealed record AssignmentChanged(int AssignmentId, int? StudentId);
