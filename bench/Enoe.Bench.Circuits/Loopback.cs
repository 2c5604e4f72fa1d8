namespace Enoe.Bench.Circuits;

/// <summary>
/// Bytes carried by the loopback interface so far (Linux's <c>/proc/net/dev</c>): what the page requests and the
/// WebSockets really sent, compressed or not, since the bench and the instances talk over 127.0.0.1 only.
/// </summary>
internal static class Loopback
{
    public static long Bytes() =>
        File.ReadLines("/proc/net/dev")
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("lo:"))
            .Select(line => long.Parse(line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]))
            .FirstOrDefault();
}
