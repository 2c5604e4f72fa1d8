using System.Diagnostics;
using System.Text.RegularExpressions;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>An app whose database commands are counted.</summary>
public sealed class CountingAppFactory : EnoeAppFactory
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Commands));
    }
}

/// <summary>
/// The two-step enrolment middleware asks its question of every request of every signed-in person: the answer comes
/// with the session's own cached check, not from a read of its own.
/// </summary>
public sealed partial class TwoFactorEnrolmentReadsTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    /// <summary>
    /// The session's check (its end and its account's) and the enrolment's question ("no second factor yet"), as
    /// opposed to the profile page's own reads (its list of sessions, the person's row).
    /// </summary>
    [GeneratedRegex("""NOT \("?\w+"?\."TwoFactorEnabled"\)""")]
    private static partial Regex MustEnrolCondition();

    [Fact]
    public async Task TwentyRequests_ReadTheSessionAndTheEnrolment_AtMostOncePerCacheWindow()
    {
        var client = app.NewClient();
        await client.SignInAsync("claire.fontaine");
        app.Commands.Reset();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 20; i++)
            await client.GetAsync("/compte/profil");

        // One read per window of the cache: a slow machine may see a second window start, never twenty reads.
        var windows = 1 + (int)(clock.Elapsed / Enoe.Data.Sessions.SignInSessions.CheckCache);
        var reads = app
            .Commands.Log.Split("\n---\n")
            .Where(c =>
                c.Contains("SignInSessions", StringComparison.Ordinal) && c.Contains("DisabledAt")
                || MustEnrolCondition().IsMatch(c)
            )
            .ToList();
        Assert.NotEmpty(reads); // the first request reads: the check is there
        Assert.True(
            reads.Count <= windows,
            $"{reads.Count} reads in {windows} windows:\n{string.Join("\n---\n", reads)}"
        );
    }
}
