using System.Net;
using Enoe.App.Hosting;

namespace Enoe.Tests.Web;

/// <summary>
/// Per-address limits count an IPv6 client by its /64 (a subscriber picks any of its 2^64 addresses), IPv4 by the
/// address, and IPv4 reaching an IPv6 socket as the IPv4 address it is.
/// </summary>
public sealed class ClientAddressKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void AnAddress_IsCountedAs(string address, string key)
    {
        Assert.Equal(key, ClientAddressKey.Of(IPAddress.Parse(address)));
        Assert.Equal(key, ClientAddressKey.Of(address)); // as the client-address claim writes it
    }

    [Fact]
    public void NoAddress_IsNoKey_AndTextThatIsNoAddressStaysAsItIs()
    {
        Assert.Null(ClientAddressKey.Of((IPAddress?)null));
        Assert.Null(ClientAddressKey.Of((string?)null));
        Assert.Equal("inconnue", ClientAddressKey.Of("inconnue"));
    }
}
