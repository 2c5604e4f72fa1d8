using System.Text.RegularExpressions;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

/// <summary>
/// The prerendered dashboard carries what it loaded to its live circuit (<c>PrerenderedValues</c>): the state is in
/// the page, protected (no reader's data in clear).
/// </summary>
[Collection(SharedApp.Name)]
public sealed partial class DashboardHandOverPageTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheDashboardPage_CarriesItsWidgetsState_Protected()
    {
        var client = app.NewClient();
        await client.SignInAsync("lucas.martin");

        var page = await client.GetPageAsync("/tableau-de-bord");

        var state = HandedState().Match(page);
        Assert.True(state.Success, "no state handed to the circuit");
        Assert.DoesNotContain("widget:", state.Value); // protected by Data Protection, not JSON in clear
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]+-->")]
    private static partial Regex HandedState();
}
