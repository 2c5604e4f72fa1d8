using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// Which person an external identity designates, and who may link or unlink one: never a new account, never an admin or
/// a disabled account automatically, never someone else's identity.
/// </summary>
public sealed class ExternalIdentitiesTests : IAsyncLifetime
{
    private const string Provider = "OpenIdConnect";
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private ExternalIdentities _identities = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: services =>
        {
            services.AddIdentityCore<Person>().AddEntityFrameworkStores<EnoeDbContext>();
            services.AddSingleton<ExternalIdentities>();
        });
        _f = await TwoSchools.CreateAsync(_database);
        _identities = _database.Get<ExternalIdentities>();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static UserLoginInfo Login(string key) => new(Provider, key, "ÉduConnect");

    private async Task SetAsync(Person person, string? email = null, string? key = null, bool disabled = false)
    {
        await using var db = _database.NewContext();
        await db
            .Users.Where(u => u.Id == person.Id)
            .ExecuteUpdateAsync(u =>
                u.SetProperty(p => p.Email, email)
                    .SetProperty(p => p.NormalizedEmail, email == null ? null : email.ToUpperInvariant())
                    .SetProperty(p => p.DirectoryKey, key)
                    .SetProperty(p => p.DisabledAt, disabled ? new DateTime(2026, 11, 1) : null)
            );
    }

    private async Task<List<(string Key, int UserId)>> LoginRowsAsync()
    {
        await using var db = _database.NewContext();
        return
        [
            .. (await db.UserLogins.Select(l => new { l.ProviderKey, l.UserId }).ToListAsync()).Select(l =>
                (l.ProviderKey, l.UserId)
            ),
        ];
    }

    [Fact]
    public async Task OnePersonWithTheClaimedEmail_IsLinked_WhateverTheCase()
    {
        await SetAsync(_f.TeacherA, email: "teacher.a@ac-test.fr");
        Assert.Equal(
            ExternalMatch.Linked,
            await _identities.LinkByClaimAsync(Login("k1"), PersonField.Email, " Teacher.A@AC-TEST.fr ")
        );
        Assert.Equal([("k1", _f.TeacherA.Id)], await LoginRowsAsync());
    }

    [Fact]
    public async Task SomeoneWhoAlreadyHasAnIdentityFromTheProvider_GetsNoSecondOneByAClaim()
    {
        await SetAsync(_f.TeacherA, email: "teacher.a@ac-test.fr");
        Assert.Equal(
            ExternalMatch.Linked,
            await _identities.LinkByClaimAsync(Login("own"), PersonField.Email, "teacher.a@ac-test.fr")
        );
        // Another identity claiming the same e-mail (a provider that lets people declare theirs) is not them.
        Assert.Equal(
            ExternalMatch.NoMatch,
            await _identities.LinkByClaimAsync(Login("other"), PersonField.Email, "teacher.a@ac-test.fr")
        );
        Assert.Equal([("own", _f.TeacherA.Id)], await LoginRowsAsync());
    }

    [Fact]
    public async Task TheDirectoryKey_IsMatchedExactly()
    {
        await SetAsync(_f.StudentA, key: "J-123");
        Assert.Equal(
            ExternalMatch.NoMatch,
            await _identities.LinkByClaimAsync(Login("k1"), PersonField.DirectoryKey, "j-123")
        );
        Assert.Equal(
            ExternalMatch.Linked,
            await _identities.LinkByClaimAsync(Login("k1"), PersonField.DirectoryKey, "J-123")
        );
        Assert.Equal([("k1", _f.StudentA.Id)], await LoginRowsAsync());
    }

    [Fact]
    public async Task NobodyOrSeveral_IsNeverAnAccountCreated_NorAGuess()
    {
        await SetAsync(_f.TeacherA, email: "meme@ac-test.fr");
        await SetAsync(_f.StaffA, email: "meme@ac-test.fr");
        await using (var db = _database.NewContext())
        {
            var people = await db.Users.CountAsync();
            Assert.Equal(
                ExternalMatch.NoMatch,
                await _identities.LinkByClaimAsync(Login("k1"), PersonField.Email, "x@y.fr")
            );
            Assert.Equal(
                ExternalMatch.NoMatch,
                await _identities.LinkByClaimAsync(Login("k1"), PersonField.Email, null)
            );
            Assert.Equal(
                ExternalMatch.Several,
                await _identities.LinkByClaimAsync(Login("k1"), PersonField.Email, "meme@ac-test.fr")
            );
            Assert.Equal(people, await db.Users.CountAsync());
        }
        Assert.Empty(await LoginRowsAsync());
    }

    [Fact]
    public async Task AdminsAndDisabledAccounts_AreNeverLinkedAutomatically()
    {
        await SetAsync(_f.AdminA, email: "admin@ac-test.fr");
        await SetAsync(_f.StaffB, email: "rectorat@ac-test.fr");
        await SetAsync(_f.TeacherA, email: "parti@ac-test.fr", disabled: true);
        await using (var db = _database.NewContext())
            await db
                .Users.Where(u => u.Id == _f.StaffB.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.IsAcademyAdmin, true));

        Assert.Equal(
            ExternalMatch.AdminMustProvePassword,
            await _identities.LinkByClaimAsync(Login("k1"), PersonField.Email, "admin@ac-test.fr")
        );
        Assert.Equal(
            ExternalMatch.AdminMustProvePassword,
            await _identities.LinkByClaimAsync(Login("k2"), PersonField.Email, "rectorat@ac-test.fr")
        );
        Assert.Equal(
            ExternalMatch.Disabled,
            await _identities.LinkByClaimAsync(Login("k3"), PersonField.Email, "parti@ac-test.fr")
        );
        Assert.Empty(await LoginRowsAsync());
    }

    [Fact]
    public async Task AnIdentity_StaysWithWhoeverLinkedItFirst_AndOnePerProvider()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        Assert.True((await _identities.LinkAsync(teacher, Login("k1"))).Succeeded);
        Assert.True((await _identities.LinkAsync(teacher, Login("k1"))).Succeeded); // again: nothing changes

        var stolen = await _identities.LinkAsync(staff, Login("k1"));
        Assert.Equal(Enoe.Data.Common.ResultKind.Conflict, stolen.Kind);
        Assert.Equal("Cette identité est déjà reliée à un autre compte ENOE.", Assert.Single(stolen.Errors));
        Assert.Equal(Enoe.Data.Common.ResultKind.Conflict, (await _identities.LinkAsync(teacher, Login("k2"))).Kind);
        Assert.Equal([("k1", _f.TeacherA.Id)], await LoginRowsAsync());
    }

    [Fact]
    public async Task APerson_UnlinksOnlyTheirOwn()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        await _identities.LinkAsync(teacher, Login("k1"));

        var refused = await _identities.UnlinkAsync(staff, Provider, "k1");
        Assert.Equal(Enoe.Data.Common.ResultKind.Forbidden, refused.Kind);
        Assert.Empty(await _identities.ListAsync(staff));
        Assert.Equal("k1", Assert.Single(await _identities.ListAsync(teacher)).ProviderKey);

        Assert.True((await _identities.UnlinkAsync(teacher, Provider, "k1")).Succeeded);
        Assert.Empty(await LoginRowsAsync());
    }

    [Fact]
    public async Task Refusals_AreInTheReadersLanguage()
    {
        using var _ = new InEnglish();
        var refused = await _identities.UnlinkAsync(TwoSchools.As(_f.StaffA, _f.A), Provider, "nobody");
        Assert.Equal("This identity is not linked to your account.", Assert.Single(refused.Errors));
    }
}
