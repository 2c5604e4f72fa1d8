using System.Globalization;
using System.Reflection;
using System.Resources;
using Enoe.Data.Common;
using Enoe.Tests.Support;
using Enoe.Widgets.Logbook;

namespace Enoe.Tests.Texts;

/// <summary>
/// Texts are read once per culture and kept (<see cref="ResourceTexts"/>, wired into every generated text class by
/// Directory.Build.targets): still in the reader's language, placeholders still filled.
/// </summary>
public sealed class ResourceTextsTests
{
    [Fact]
    public void EveryGeneratedTextClass_ReadsThroughTheKeptTexts()
    {
        var classes = new[] { typeof(CommonMessages), typeof(LogbookText), typeof(Enoe.App.Components.Pages.PagesText) }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetProperty("ResourceManager", BindingFlags.Public | BindingFlags.Static) is not null)
            .ToList();

        Assert.True(classes.Count > 40, $"only {classes.Count} text classes found");
        Assert.Empty(
            classes
                .Where(t => t.GetField("s_texts", BindingFlags.NonPublic | BindingFlags.Static) is null)
                .Select(t => t.FullName)
        );
    }

    [Fact]
    public void AText_FollowsTheReadersLanguage()
    {
        var french = LogbookText.TodaysLessons;
        string english;
        using (new InEnglish())
            english = LogbookText.TodaysLessons;

        Assert.NotEqual(french, english);
        Assert.Equal(french, LogbookText.TodaysLessons);
        Assert.Same(french, LogbookText.TodaysLessons);
    }

    [Fact]
    public void NamedPlaceholders_AreFilled_InEachLanguage()
    {
        var french = Enoe.Data.Storage.StorageMessages.FormatQuotaFull("2 Mo", "1 Go");
        string english;
        using (new InEnglish())
            english = Enoe.Data.Storage.StorageMessages.FormatQuotaFull("2 MB", "1 GB");

        Assert.StartsWith("Votre espace est plein : 2 Mo utilisés sur 1 Go.", french);
        Assert.StartsWith("Your space is full: 2 MB used of 1 GB.", english);
    }

    [Fact]
    public void AMissingKey_GivesNothing_AndPlaceholdersAreNumbered()
    {
        var texts = new ResourceTexts(LogbookText.ResourceManager);
        var fr = CultureInfo.GetCultureInfo("fr");

        Assert.Null(texts.Get("NoSuchKey", fr));
        Assert.Equal("", texts.Format("NoSuchKey", fr, ["a"]));
        Assert.Equal(
            LogbookText.ResourceManager.GetString("WeekOf", fr)!.Replace("{date}", "{0}"),
            texts.Format("WeekOf", fr, ["date"])
        );
    }
}
