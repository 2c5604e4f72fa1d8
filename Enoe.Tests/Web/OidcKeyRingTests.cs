using Enoe.App.SingleSignOn;
using Enoe.Data;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Web;

/// <summary>
/// The OpenID Connect provider's keys: made once in the database, read the same by every instance and restart,
/// rolled over with the next generation announced before it signs.
/// </summary>
[Trait("Database", "Both")] // a database of its own: run on PostgreSQL too, with the data tests
public sealed class OidcKeyRingTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private IDataProtectionProvider _protection = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        // The instances' shared Data Protection keys (Redis or a shared directory in production).
        _protection = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_db.Directory, "keys")));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private OidcKeyRing NewInstance(
        IDataProtectionProvider? protection = null,
        IDbContextFactory<EnoeDbContext>? database = null,
        IHostApplicationLifetime? lifetime = null,
        TimeProvider? clock = null
    ) =>
        new(
            database ?? _db.Get<IDbContextFactory<EnoeDbContext>>(),
            protection ?? _protection,
            clock ?? _db.Clock,
            new OptionsCache<OpenIddict.Server.OpenIddictServerOptions>(),
            lifetime ?? new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
            NullLogger<OidcKeyRing>.Instance
        );

    [Fact]
    public async Task TwoInstancesStartingAtOnce_MakeOneKeyOfEachUse_AndReadTheSame()
    {
        var first = NewInstance();
        var second = NewInstance();

        var loaded = await Task.WhenAll(
            Task.Run(() => first.Load(OidcKeyUse.Signing)),
            Task.Run(() => second.Load(OidcKeyUse.Signing))
        );
        var restarted = NewInstance().Load(OidcKeyUse.Signing);

        Assert.Equal(loaded[0][0].KeyId, loaded[1][0].KeyId);
        Assert.Equal(loaded[0][0].KeyId, restarted[0].KeyId);
        Assert.Single(restarted);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Set<OidcKey>().CountAsync(k => k.Use == OidcKeyUse.Signing));
        var stored = await db.Set<OidcKey>().SingleAsync(k => k.Use == OidcKeyUse.Signing);
        Assert.DoesNotContain("PRIVATE KEY", stored.ProtectedKey); // protected, never the key itself
    }

    [Fact]
    public async Task ARollover_IsPublishedFirst_SignsAfterItsNotice_AndTheGenerationBeforeGoesOnceItsTokensAreDead()
    {
        var first = NewInstance().Load(OidcKeyUse.Signing)[0].KeyId;

        await NewInstance().RolloverAsync(TextWriter.Null);
        var announced = NewInstance().Load(OidcKeyUse.Signing);
        _db.Clock.Advance(OidcKeyRing.Announced);
        var rolled = NewInstance().Load(OidcKeyUse.Signing);
        await NewInstance().RolloverAsync(TextWriter.Null); // soon after: the first still reads refresh tokens
        var soon = NewInstance().Load(OidcKeyUse.Signing);
        _db.Clock.Advance(OidcKeyRing.Kept);
        await NewInstance().RolloverAsync(TextWriter.Null);
        var later = NewInstance().Load(OidcKeyUse.Signing);

        Assert.Equal(first, announced[0].KeyId); // still signing with the first, the second published beside it
        Assert.Equal(2, announced.Count);
        Assert.Equal(announced[1].KeyId, rolled[0].KeyId);
        Assert.Equal(first, rolled[1].KeyId); // the first stays published for the tokens it signed
        Assert.Contains(soon, k => k.KeyId == first);
        Assert.DoesNotContain(later, k => k.KeyId == first); // its successor in force longer than any token lives
        Assert.StartsWith("3-", later[0].KeyId); // the third, announced at the second rollover, now in force
        Assert.Contains(later, k => k.KeyId == rolled[0].KeyId);
    }

    [Fact]
    public void KeysThisInstanceCannotRead_AreReplaced_NotUsedBlindly()
    {
        var first = NewInstance().Load(OidcKeyUse.Encryption)[0].KeyId;

        var other = NewInstance(new EphemeralDataProtectionProvider()).Load(OidcKeyUse.Encryption);

        Assert.Single(other);
        Assert.NotEqual(first, other[0].KeyId);
        Assert.StartsWith("2-", other[0].KeyId);
    }

    [Fact]
    public async Task ADatabaseThatDoesNotAnswer_GivesStandInKeys_AndTheRetriesEndWhenTheHostStops()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var ring = NewInstance(database: new Unanswering(), lifetime: lifetime);

        var options = new OpenIddict.Server.OpenIddictServerOptions();
        ring.AddTo(options);

        Assert.True(ring.Provisional);
        Assert.Single(options.SigningCredentials);
        Assert.False(ring.Retrying.IsCompleted); // every 2 seconds until the database answers
        lifetime.StopApplication();
        await ring.Retrying.WaitAsync(TimeSpan.FromSeconds(10)); // without waiting on it, the loop never ended
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)] // its now a little later: read after this one's, or its server's clock ahead
    public async Task AnInstanceOvertakenJustAfterFindingNoKeys_UsesTheKeyTheOtherMade(int otherMillisecondsAhead)
    {
        // Another instance makes the first keys, in force from its own now, just after this one read that there were
        // none.
        var otherClock = new FakeTimeProvider(_db.Clock.GetUtcNow().AddMilliseconds(otherMillisecondsAhead));
        var overtaker = Meanwhile.After(
            "\"OidcKey",
            () => Task.FromResult(NewInstance(clock: otherClock).Load(OidcKeyUse.Signing))
        );
        using var instance = _db.NewInstance(s => s.AddSingleton<IInterceptor>(overtaker));
        var late = NewInstance(database: instance.GetRequiredService<IDbContextFactory<EnoeDbContext>>());

        var read = late.Load(OidcKeyUse.Signing);

        Assert.True(overtaker.Other.IsCompletedSuccessfully);
        Assert.Equal((await overtaker.Other)[0].KeyId, read[0].KeyId); // one key in force for both instances
        using var db = _db.NewContext();
        Assert.Equal(1, db.Set<OidcKey>().Count(k => k.Use == OidcKeyUse.Signing));
    }

    /// <summary>A database not there yet (or down): every context's first command fails.</summary>
    private sealed class Unanswering : IDbContextFactory<EnoeDbContext>
    {
        public EnoeDbContext CreateDbContext() => throw new InvalidOperationException("La base ne répond pas.");
    }
}
