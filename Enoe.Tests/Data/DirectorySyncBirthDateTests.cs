using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>
/// The directory's birth date (<c>ENTPersonDateNaissance</c>) reaches the account: a lycée student once 18 justifies
/// their own absences. An unreadable date is no reason to refuse the account; it is left unknown.
/// </summary>
public sealed class DirectorySyncBirthDateTests
{
    [Fact]
    public async Task TheBirthDate_IsCopied_Updated_AndAnUnreadableOneIsLeftUnknown()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        var first = await h.RunAsync();
        Assert.Equal(new DateOnly(2008, 3, 2), (await h.PersonAsync("s3")).BirthDate);
        Assert.Null((await h.PersonAsync("s2")).BirthDate);

        var s3 = h.Directory.Remove("s3");
        h.Directory.People.Add(s3 with { BirthDate = "12/03/2008" });
        var s2 = h.Directory.Remove("s2");
        h.Directory.People.Add(s2 with { BirthDate = "2008-31-12" });
        var report = await h.RunAsync();

        Assert.Equal(new DateOnly(2008, 3, 12), (await h.PersonAsync("s3")).BirthDate);
        Assert.Null((await h.PersonAsync("s2")).BirthDate);
        Assert.Equal(first.Entries.Rejected, report.Entries.Rejected); // s2 is not refused for its date
    }
}
