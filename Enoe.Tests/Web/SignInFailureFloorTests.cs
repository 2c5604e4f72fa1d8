using System.Collections.Concurrent;
using Enoe.App.Account;
using Enoe.Data;
using Enoe.Data.Directory;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Web;

/// <summary>
/// The failure floor's clock is a fake that records the waits asked of it and lets them pass at once; the
/// directory answers "wrong password" after 150 ms of that clock, as a bind takes time.
/// </summary>
public sealed class SignInFloorAppFactory : EnoeAppFactory
{
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(400),
        Bind = TimeSpan.FromMilliseconds(150);

    public RecordingClock Clock { get; } = new();

    public SignInFloorAppFactory()
    {
        Settings["Enoe:SignIn:FailureFloorMs"] = Floor.TotalMilliseconds.ToString();
        Settings["Enoe:Directory:Ldap:Url"] = "ldap://annuaire.invalid";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton(p => new SignInFailureFloor(Clock, p.GetRequiredService<IOptions<SignInFailureOptions>>()));
            s.AddSingleton<IDirectoryPasswordCheck>(new SlowRefusingDirectory(Clock, Bind));
        });
    }

    private sealed class SlowRefusingDirectory(FakeTimeProvider clock, TimeSpan bind) : IDirectoryPasswordCheck
    {
        public Task<bool> CheckAsync(string login, string directoryKey, string password, CancellationToken ct)
        {
            clock.Advance(bind);
            return Task.FromResult(false);
        }
    }
}

/// <summary>A fake clock whose timers fire at once, each wait asked of it written down.</summary>
public sealed class RecordingClock : FakeTimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Waits.Enqueue(dueTime);
        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}

/// <summary>
/// Every failed sign-in answers no sooner than the floor after its request arrived, whatever it cost: unknown
/// identifiant, wrong password (which also writes the failure count), locked account, directory account (a bind).
/// </summary>
public sealed class SignInFailureFloorTests(SignInFloorAppFactory app) : IClassFixture<SignInFloorAppFactory>
{
    private const string Wrong = "Mauvais#Passe1";

    [Fact]
    public async Task EveryKindOfFailure_WaitsOutTheFloor_AndASuccessDoesNot()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("emma.martin"))!, DateTimeOffset.MaxValue);
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            await db
                .Users.Where(p => p.UserName == "lucas.martin")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DirectoryKey, "annuaire-lucas"));
        }

        Assert.Equal(SignInFloorAppFactory.Floor, await WaitOfFailureAsync("personne.inconnue"));
        Assert.Equal(SignInFloorAppFactory.Floor, await WaitOfFailureAsync("sophie.martin"));
        Assert.Equal(SignInFloorAppFactory.Floor, await WaitOfFailureAsync("emma.martin"));
        // The bind took 150 ms of the request's time: the wait is what is left of the floor.
        Assert.Equal(
            SignInFloorAppFactory.Floor - SignInFloorAppFactory.Bind,
            await WaitOfFailureAsync("lucas.martin")
        );

        var waits = app.Clock.Waits.Count;
        var success = await app.NewClient().SignInAsync("claire.fontaine");
        Assert.Equal("/tableau-de-bord", success.Headers.Location?.OriginalString);
        Assert.Equal(waits, app.Clock.Waits.Count);
    }

    [Fact]
    public async Task AWrongCode_WaitsOutTheFloor_AsAWrongPasswordDoes()
    {
        var client = app.NewClient();
        var token = await client.AntiforgeryTokenAsync();
        var step = await client.PostAsync(
            "/compte/connexion",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["UserName"] = "admin.victor-hugo",
                    ["Password"] = Enoe.Data.Demo.DemoSeeder.Password,
                    ["ReturnUrl"] = "",
                }
            )
        );
        var codePage = step.Headers.Location!.PathAndQueryOrOriginal();
        Assert.StartsWith("/connexion/code", codePage);
        var before = app.Clock.Waits.Count;

        var answer = await client.SignInWithCodeAsync(TwoFactorCodes.At(TwoFactorCodes.DemoKey, -20), codePage);

        Assert.Contains("erreur=1", answer.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, app.Clock.Waits.Count);
        Assert.Equal(SignInFloorAppFactory.Floor, app.Clock.Waits.Last());
    }

    [Fact]
    public async Task AFailureThatTookLongerThanTheFloor_WaitsNoMore()
    {
        var clock = new RecordingClock();
        var floor = new SignInFailureFloor(clock, Options.Create(new SignInFailureOptions { FailureFloorMs = 400 }));
        var http = new DefaultHttpContext();
        floor.Start(http);
        clock.Advance(TimeSpan.FromMilliseconds(401));

        await floor.PadAsync(http);

        Assert.Empty(clock.Waits);
    }

    private async Task<TimeSpan> WaitOfFailureAsync(string userName)
    {
        var before = app.Clock.Waits.Count;
        var answer = await app.NewClient().SignInAsync(userName, Wrong);
        Assert.StartsWith("/connexion?erreur=1", answer.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, app.Clock.Waits.Count);
        return app.Clock.Waits.Last();
    }
}
