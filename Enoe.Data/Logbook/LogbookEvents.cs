// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.Logbook;

/// <summary>The carnet de bord of a class or group changed.</summary>
public sealed record LogbookChanged(int EntryId, int SchoolId, int? SchoolClassId, int? TeachingGroupId);
