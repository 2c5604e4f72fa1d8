using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.SingleSignOn;

/// <summary>The CAS server's decisions, on the demo's registration (<c>http://localhost:8090/</c>, students and
/// teachers).</summary>
public sealed class CasServiceTests : IAsyncLifetime
{
    private const string Service = "http://localhost:8090/page";
    private TestDatabase _db = default!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private CasService Cas => _db.Get<CasService>();

    [Fact]
    public async Task ATicket_NotValidatedInTime_HasExpired()
    {
        var ticket = await IssueAsync("lucas.martin");
        _db.Clock.Advance(CasService.TicketLifetime);

        var answer = await Cas.ValidateAsync(ticket, Service, renew: false);

        Assert.Equal(CasCodes.InvalidTicket, answer.Code);
        Assert.Contains("expiré", answer.Description);
    }

    [Fact]
    public async Task EachHandOff_IsLogged_AndCountedInTheDaysFigures()
    {
        var lucas = await UserAsync("lucas.martin", Profile.Student);
        await IssueAsync("lucas.martin");
        await IssueAsync("lucas.martin");

        await using var db = _db.NewContext();
        Assert.Equal(2, await db.Set<SsoHandOff>().CountAsync(h => h.PersonId == lucas.PersonId));
        var figure = await db.Set<Enoe.Data.Statistics.UsageCount>()
            .Where(c => c.SchoolId == lucas.SchoolId && c.Metric == Enoe.Data.Statistics.UsageMetric.SsoHandOffs)
            .SumAsync(c => c.Count);
        Assert.Equal(2, figure);
    }

    [Fact]
    public async Task TwoValidationsAtOnce_OneSucceeds()
    {
        var ticket = await IssueAsync("lucas.martin");

        var answers = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => Cas.ValidateAsync(ticket, Service, renew: false)))
        );

        Assert.Single(answers, a => a.Identity is not null);
        Assert.All(answers.Where(a => a.Identity is null), a => Assert.Equal(CasCodes.InvalidTicket, a.Code));
    }

    [Fact]
    public async Task AParent_IsRefused_AndNoTicketIsWritten()
    {
        var parent = await UserAsync("sophie.martin", Profile.Parent);

        var login = await Cas.LoginAsync(parent, Service, newSignIn: false, sessionId: null);

        Assert.Null(login.RedirectUrl);
        Assert.Contains("n'est pas ouvert à votre profil", login.Refusal);
        await using var db = _db.NewContext();
        Assert.Equal(0, await db.Set<CasTicket>().CountAsync());
    }

    [Fact]
    public async Task WhereTheResourcesServiceIsSwitchedOff_NoHandOff()
    {
        var lucas = await UserAsync("lucas.martin", Profile.Student);
        await using (var db = _db.NewContext())
            await db.SwitchAsync(lucas.SchoolId!.Value, EntService.DigitalResources, on: false);
        await _db.Get<ServiceAccess>().ForgetAsync([lucas.SchoolId!.Value]);

        var login = await Cas.LoginAsync(lucas, Service, newSignIn: false, sessionId: null);

        Assert.Null(login.RedirectUrl);
        Assert.NotNull(login.Refusal);
    }

    [Fact]
    public async Task AStudentOfALevelTheServiceIsNotOpenTo_IsRefused()
    {
        await using (var db = _db.NewContext())
            await db.Set<SsoRegistration>().ExecuteUpdateAsync(s => s.SetProperty(r => r.LevelCodes, "2nde,1re"));
        await Cas.ChangedAsync();

        var login = await Cas.LoginAsync(await UserAsync("lucas.martin", Profile.Student), Service, false, null);

        Assert.NotNull(login.Refusal);
        var teacher = await Cas.LoginAsync(await UserAsync("claire.fontaine", Profile.Teacher), Service, false, null);
        Assert.NotNull(teacher.RedirectUrl); // personnel reach every level
    }

    [Fact]
    public async Task TheAttributes_AreTheRegisteredOnes_ReadAtValidation()
    {
        await using (var db = _db.NewContext())
            await db.Set<SsoRegistration>()
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Released, "ENTPersonProfils,ENTEleveClasses"));
        await Cas.ChangedAsync();
        var ticket = await IssueAsync("lucas.martin");

        var identity = (await Cas.ValidateAsync(ticket, Service, renew: false)).Identity!;

        Assert.Equal("lucas.martin", identity.User);
        Assert.Equal(["ENTPersonProfils", "ENTEleveClasses"], identity.Attributes.Select(a => a.Key));
        Assert.Equal(["National_1"], identity.Attributes[0].Value);
        Assert.Matches(@"^\d{7}[A-Z]\$", identity.Attributes[1].Value.Single());
    }

    [Fact]
    public async Task AnAccountSwitchedOffBetweenLoginAndValidation_IsRefused()
    {
        var ticket = await IssueAsync("lucas.martin");
        await using (var db = _db.NewContext())
            await db
                .Users.Where(u => u.UserName == "lucas.martin")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTime.UtcNow));

        Assert.Equal(CasCodes.InvalidTicket, (await Cas.ValidateAsync(ticket, Service, renew: false)).Code);
    }

    [Fact]
    public async Task AResourceRegisteredForSingleSignOn_OpensThroughEnoe_AndNoOtherDoes()
    {
        var resources = await _db.Get<DigitalResourceService>()
            .ListForAsync(await UserAsync("lucas.martin", Profile.Student));

        var mathenpoche = resources.Single(r => r.Title == "MathenPoche");
        Assert.Equal("/cas/login?service=http%3A%2F%2Flocalhost%3A8090%2F", mathenpoche.Href);
        Assert.All(resources.Where(r => r.Title != "MathenPoche"), r => Assert.Equal(r.Url, r.Href));
        // Each says how people reach it: through ENOE's CAS server, or a plain link.
        Assert.Equal(SsoProtocol.Cas, mathenpoche.SignOn);
        Assert.All(resources.Where(r => r.Title != "MathenPoche"), r => Assert.Null(r.SignOn));
    }

    private async Task<string> IssueAsync(string userName)
    {
        var login = await Cas.LoginAsync(await UserAsync(userName, Profile.Student), Service, false, null);
        return login.RedirectUrl!.Split("ticket=")[1];
    }

    private async Task<CurrentUser> UserAsync(string userName, Profile profile)
    {
        await using var db = _db.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var school = await db.Memberships.Where(m => m.PersonId == person.Id).Select(m => m.SchoolId).FirstAsync();
        return new CurrentUser(person.Id, person.DisplayName, school, profile);
    }
}
