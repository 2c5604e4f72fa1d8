namespace Enoe.Bench.Delivery;

/// <summary>
/// The time the benchmark says it is: a Friday evening, then the Monday morning that ends its window.
/// </summary>
internal sealed class BenchClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
