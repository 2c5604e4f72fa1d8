// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.Grades;

/// <summary>Marks of an assessment changed or were published: open reports and widgets reload.</summary>
public sealed record GradesChanged(int AssessmentId, int SchoolId);
