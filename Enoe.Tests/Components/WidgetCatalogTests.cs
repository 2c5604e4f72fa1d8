using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.News;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

public sealed class WidgetCatalogTests
{
    private static WidgetCatalog RealCatalog() =>
        new ServiceCollection()
            .AddLogging()
            .AddEnoeWidgets()
            .BuildServiceProvider()
            .GetRequiredService<WidgetCatalog>();

    private static Workspace As(Profile profiles, ServiceSet services) =>
        new(
            1,
            "X",
            "x",
            new WorkspaceSchool(1, "Collège", SchoolKind.College, "c", "#000", null, services),
            profiles,
            [],
            [],
            "Académie"
        );

    [Fact]
    public void Catalogue_OffersWhatTheProfileMayUse_WhereTheSchoolRunsTheService()
    {
        var catalog = RealCatalog();
        Assert.Equal(
            [
                "assignments-due",
                "feed",
                "latest-marks",
                "memos",
                "my-day",
                "my-logbook",
                "news",
                "resources",
                "school-network",
                "skills",
                "useful-links",
            ],
            catalog.AvailableTo(As(Profile.Student, ServiceSet.All)).Select(w => w.Key).Order()
        );
        Assert.Equal(
            ["feed", "my-day", "my-logbook", "news", "school-network", "useful-links"],
            catalog
                .AvailableTo(
                    As(
                        Profile.Student,
                        ServiceSet.AllBut(
                            EntService.DigitalResources,
                            EntService.Documents,
                            EntService.Memos,
                            EntService.Grades,
                            EntService.Skills
                        )
                    )
                )
                .Select(w => w.Key)
                .Order()
        );
        Assert.Equal(
            [
                "copies-to-mark",
                "feed",
                "memos",
                "my-bookings",
                "my-day",
                "my-logbook",
                "quick-booking",
                "resources",
                "school-network",
                "useful-links",
            ],
            catalog
                .AvailableTo(As(Profile.Teacher, ServiceSet.AllBut(EntService.PublicSite)))
                .Select(w => w.Key)
                .Order()
        );
    }

    [Fact]
    public void ProfileRestriction_IsHonoured()
    {
        var catalog = new WidgetCatalog([
            new WidgetDescriptor(
                "for-teachers",
                () => "T",
                "",
                EntService.Dashboard,
                Profile.Teacher,
                new(4, 2),
                new(2, 1),
                typeof(NewsWidget)
            ),
        ]);
        Assert.Empty(catalog.AvailableTo(As(Profile.Student | Profile.Parent, ServiceSet.All)));
        Assert.Single(catalog.AvailableTo(As(Profile.Teacher, ServiceSet.All)));
    }

    [Fact]
    public void DuplicateKeys_AreRejectedAtStartUp()
    {
        var descriptor = new WidgetDescriptor(
            "news",
            () => "T",
            "",
            EntService.Dashboard,
            Profile.Everyone,
            new(4, 2),
            new(2, 1),
            typeof(NewsWidget)
        );
        var error = Assert.Throws<InvalidOperationException>(() =>
            new WidgetCatalog([descriptor, descriptor with { Title = () => "Other" }])
        );
        Assert.Contains("'news'", error.Message);
    }

    [Theory]
    [InlineData("{\"count\":0}", "Affichez entre 1 et 10 actualités.")]
    [InlineData("{\"count\":11}", "Affichez entre 1 et 10 actualités.")]
    [InlineData("{\"count\":5}", null)]
    [InlineData(null, null)]
    public void Settings_AreValidatedWithTheWidgetsValidator(string? json, string? error)
    {
        var errors = RealCatalog().ValidateSettings("news", json);
        if (error is null)
            Assert.Empty(errors);
        else
            Assert.Equal([error], errors);
    }
}
