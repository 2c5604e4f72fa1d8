using System.Net;
using System.Net.Sockets;

namespace Enoe.App.Hosting;

/// <summary>
/// What the per-address limits (sign-in attempts, open tabs) count by. An IPv4 address is one client (a collège's
/// NAT address is counted whole, hence the generous limits); an IPv6 subscriber gets a whole /64 and picks any
/// address in it, so IPv6 is counted by its /64; IPv4 over an IPv6 socket counts as the IPv4 address it is.
/// </summary>
public static class ClientAddressKey
{
    public static string? Of(IPAddress? address)
    {
        if (address is null)
            return null;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The same, for an address written as text (the client-address claim); text that is none stays.</summary>
    public static string? Of(string? address) =>
        address is null ? null
        : IPAddress.TryParse(address, out var parsed) ? Of(parsed)
        : address;
}
