using Enoe.Data.Dashboards;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

public sealed partial class LayoutServiceTests
{
    [Fact]
    public async Task TabsAddedAtOnce_StopAtTheLimit()
    {
        var before = (await Layouts.GetAsync(Student)).Count;

        var results = await Race.AtOnceAsync(
            LayoutService.MaxTabs + 4,
            i => Layouts.AddTabAsync(Student, $"Onglet {i}")
        );

        Assert.Equal(LayoutService.MaxTabs - before, results.Count(r => r.Succeeded));
        var tabs = await Layouts.GetAsync(Student);
        Assert.Equal(LayoutService.MaxTabs, tabs.Count);
        Assert.Equal(tabs.Count, tabs.Select(t => t.Position).Distinct().Count());
    }
}
