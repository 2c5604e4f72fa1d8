using Enoe.Data.Memos;
using Enoe.Data.PublicSite;
using Enoe.Tests.Support;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>
/// A text a form lets through fits in one message to the circuit (SignalR's default, 32 KB, dropped it silently).
/// </summary>
public sealed class CircuitMessageSizeTests
{
    [Fact]
    public void TheCircuit_TakesTheLongestTextOfEveryForm()
    {
        using var app = new EnoeAppFactory();
        var hub = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly.GetType(
            "Microsoft.AspNetCore.Components.Server.ComponentHub",
            throwOnError: true
        )!;
        var options = app.Services.GetRequiredService(
            typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub))
        );
        var configured = (HubOptions)options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)!;

        Assert.Equal(TextLimits.MaximumReceiveMessageSize, configured.MaximumReceiveMessageSize);
        Assert.All(
            [
                MemoDraftValidator.SubjectMax,
                MemoDraftValidator.BodyMax,
                ArticleDraftValidator.TitleMax,
                ArticleDraftValidator.SummaryMax,
                ArticleDraftValidator.BodyMax,
            ],
            max => Assert.InRange(max, 1, TextLimits.LongestField)
        );
    }
}
