using System.Net;

namespace Enoe.Data.Schools;

/// <summary>
/// An établissement's own networks, written as CIDR ranges separated by spaces, commas or new lines
/// (<c>10.25.7.0/24, 2001:db8:25::/48</c>). A bare address is a range of one.
/// </summary>
public static class SchoolNetworks
{
    public const int TextMax = 2000;

    /// <summary>The ranges, and the parts that are not ranges (to name in the refusal).</summary>
    public static (IReadOnlyList<IPNetwork> Networks, IReadOnlyList<string> Invalid) Parse(string? text)
    {
        var networks = new List<IPNetwork>();
        var invalid = new List<string>();
        foreach (
            var part in (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
        )
        {
            if (IPNetwork.TryParse(part, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(part, out var address))
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else
                invalid.Add(part);
        }
        return (networks, invalid);
    }

    /// <summary>The canonical text of valid ranges: one per line, as .NET writes them.</summary>
    public static string Format(IEnumerable<IPNetwork> networks) => string.Join('\n', networks);

    public static bool Contains(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        // An IPv4 client reached over an IPv6 socket arrives as ::ffff:a.b.c.d.
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        foreach (var network in networks)
            if (network.Contains(address))
                return true;
        return false;
    }
}
