using System.Collections.Frozen;

namespace Enoe.Data.Schools;

/// <summary>
/// An ENT service an établissement may run, named by a stable key (stored where the académie switches
/// it off). Each service declares its own value in its folder, as a part of this type
/// (<c>EntService.Memos</c> lives in <c>Memos/MemosDataModule.cs</c>): adding a service edits nothing here.
/// </summary>
public readonly partial record struct EntService(string Key)
{
    public override string ToString() => Key;
}

/// <summary>Which services run somewhere: all but those the académie switched off, or none at all.</summary>
public sealed class ServiceSet
{
    /// <summary>
    /// Every service (an établissement nothing was switched off in; an académie admin outside any school).
    /// </summary>
    public static readonly ServiceSet All = new([]);

    /// <summary>No service (a person working in no établissement).</summary>
    public static readonly ServiceSet None = new(null);

    private readonly FrozenSet<string>? _closed;

    /// <param name="closed">The keys switched off; null: nothing runs.</param>
    public ServiceSet(IEnumerable<string>? closed) => _closed = closed?.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every service but these.</summary>
    public static ServiceSet AllBut(params IEnumerable<EntService> closed) => new(closed.Select(s => s.Key));

    public bool Runs(EntService service) => _closed is not null && !_closed.Contains(service.Key);

    /// <summary>The keys switched off; null: nothing runs (what a page hands its circuit, as JSON).</summary>
    public IEnumerable<string>? Closed => _closed;
}

/// <summary>A service the académie switched off in one établissement (every service runs unless listed here).</summary>
public sealed class ClosedService
{
    public int SchoolId { get; set; }
    public required string ServiceKey { get; set; }
}

/// <summary>A service that runs in an établissement but answers only requests from the school's own networks.</summary>
public sealed class InsideOnlyService
{
    public int SchoolId { get; set; }
    public required string ServiceKey { get; set; }
}

public static class EntServices
{
    public const int KeyMax = 40;

    /// <summary>
    /// The établissements that run <paramref name="service"/>, as a query filter the database evaluates.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<School, bool>> RunningIn(EntService service)
    {
        var key = service.Key;
        return s => !s.ClosedServices.Any(c => c.ServiceKey == key);
    }
}
