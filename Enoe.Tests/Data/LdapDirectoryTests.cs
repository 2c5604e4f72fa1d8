using System.DirectoryServices.Protocols;
using System.Net;
using System.Text.Json;
using Enoe.Data.Directory;
using Enoe.Data.Directory.Ldap;
using Enoe.Tests.Support;
using Enoe.Tests.Support.TestDirectory;

namespace Enoe.Tests.Data;

/// <summary>The LDAP client against a real slapd whose size limit is below the number of people.</summary>
[Trait("Database", "SqliteOnly")] // no database: LDAP only
public sealed class LdapDirectoryTests(SlapdServer slapd) : IClassFixture<SlapdServer>
{
    private SampleDirectory Sample => slapd.Sample;

    [Fact]
    public async Task ReadsEveryStructureAndEveryPerson_PageByPage_DespiteTheSizeLimit()
    {
        var directory = slapd.NewClient();
        var structures = await directory.ReadStructuresAsync().ToListAsync();
        Assert.Equal(Sample.Structures.Select(Json), structures.Select(Json));

        var pages = await directory.ReadPeopleAsync().ToListAsync();
        Assert.True(Sample.PeopleCount > SlapdServer.SizeLimit * 5);
        Assert.Equal((Sample.PeopleCount + 39) / 40, pages.Count);
        Assert.All(pages, p => Assert.InRange(p.Count, 1, 40));
        var read = pages.SelectMany(p => p).ToDictionary(p => p.Dn, Json, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Sample.PeopleCount, read.Count);
        foreach (var expected in Sample.People)
            Assert.Equal(Json(expected), read[expected.Dn]);
    }

    [Fact]
    public void ASearchWithoutPaging_IsCutShortByTheServer()
    {
        using var connection = new LdapConnection(
            new LdapDirectoryIdentifier(new Uri(slapd.Url).Host, new Uri(slapd.Url).Port)
        );
        connection.AuthType = AuthType.Basic;
        connection.SessionOptions.ProtocolVersion = 3;
        connection.Bind(new NetworkCredential(SlapdServer.ServiceDn, SlapdServer.ServicePassword));
        var request = new SearchRequest(
            SampleDirectory.PeopleDn,
            "(objectClass=ENTPerson)",
            SearchScope.Subtree,
            "uid"
        );
        var cut = Assert.Throws<DirectoryOperationException>(() => connection.SendRequest(request));
        Assert.Equal(ResultCode.SizeLimitExceeded, cut.Response.ResultCode);
        Assert.Equal(SlapdServer.SizeLimit, ((SearchResponse)cut.Response).Entries.Count);
    }

    [Fact]
    public async Task PagesLargerThanTheSizeLimit_StillReadEveryone()
    {
        var directory = slapd.NewClient(slapd.Settings(pageSize: SlapdServer.SizeLimit * 3));
        Assert.Equal(Sample.PeopleCount, (await directory.ReadPeopleAsync().ToListAsync()).Sum(p => p.Count));
    }

    [Fact]
    public async Task AServerThatCutsTheReadShort_IsUnavailable_NeverAPartialRead()
    {
        var settings = slapd.Settings();
        settings.BindDn = SlapdServer.NoPagingDn;
        var pages = 0;
        var e = await Assert.ThrowsAsync<DirectoryUnavailableException>(async () =>
        {
            await foreach (var _ in slapd.NewClient(settings).ReadPeopleAsync())
                pages++;
        });
        Assert.Equal(0, pages);
        Assert.Contains(SampleDirectory.PeopleDn, e.Message);
    }

    [Fact]
    public async Task ParentLinks_AreTheUnionOfBothStudentAttributes_AndDisplayNamesFallBack()
    {
        var people = (await slapd.NewClient().ReadPeopleAsync().ToListAsync())
            .SelectMany(p => p)
            .ToDictionary(p => p.Dn, StringComparer.OrdinalIgnoreCase);
        // ENTEleveParents holds the own parent, ENTEleveAutoriteParentale the two-school one.
        Assert.Equal(
            [SampleDirectory.ParentDn(0, 0), SampleDirectory.TwoSchoolParent],
            people[SampleDirectory.StudentDn(0, 0)].StudentParents
        );
        // The same parent in both attributes counts once.
        Assert.Equal([SampleDirectory.ParentDn(0, 2)], people[SampleDirectory.StudentDn(0, 2)].StudentParents);
        // Linked on the parent's side only.
        Assert.Empty(people[SampleDirectory.StudentDn(0, 1)].StudentParents);
        Assert.Equal([SampleDirectory.StudentDn(0, 1)], people[SampleDirectory.ParentDn(0, 1)].ParentChildren);
        var principal = people[SampleDirectory.TeacherDn(0, 0)];
        Assert.Equal([$"{SampleDirectory.SchoolDn(0)}$6A"], principal.TeacherPrincipalClasses);
        Assert.Equal("Léa Martin", people[SampleDirectory.StudentDn(0, 0)].DisplayName);
        Assert.Equal(
            Sample.Find(SampleDirectory.StaffDn(1))!.Entry.DisplayName,
            people[SampleDirectory.StaffDn(1)].DisplayName
        );
        Assert.Equal(SampleDirectory.LeavingDate, people[SampleDirectory.LeavingStudent].DeletionDate);
    }

    [Theory]
    [InlineData("jean.dupont", "jean.dupont")]
    [InlineData("*", @"\2a")]
    [InlineData("*)(uid=*", @"\2a\29\28uid=\2a")]
    [InlineData(@"a\b", @"a\5cb")]
    [InlineData("nul\0", @"nul\00")]
    [InlineData("Zoé (2)", @"Zoé \282\29")]
    public void Escape_WritesEverySpecialCharacterAsHex(string value, string escaped) =>
        Assert.Equal(escaped, LdapFilter.Escape(value));

    [Theory]
    [InlineData(49, false)] // invalid credentials
    [InlineData(53, false)] // unwilling to perform: an account locked in the directory
    [InlineData(81, true)]
    [InlineData(85, true)]
    [InlineData(91, true)]
    public void OnlyTransportErrors_CountAsTheDirectoryNotAnswering(int errorCode, bool unreachable) =>
        Assert.Equal(unreachable, LdapConnections.IsUnreachable(errorCode));

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:389")]
    [InlineData("127.0.0.1:389")]
    public async Task AnAddressThatIsNoLdapUrl_IsUnavailable_WithTheAddressInTheMessage(string url)
    {
        var settings = slapd.Settings();
        settings.Url = url;
        var e = await Assert.ThrowsAsync<DirectoryUnavailableException>(() =>
            slapd.NewClient(settings).ReadStructuresAsync().ToListAsync().AsTask()
        );
        Assert.Contains(url == "" ? "Enoe:Directory:Ldap:Url" : url, e.Message);
    }

    [Fact]
    public async Task AWrongServicePassword_IsUnavailable_InTheReadersLanguage()
    {
        var settings = slapd.Settings();
        settings.BindPassword = "pas-le-bon";
        var e = await Assert.ThrowsAsync<DirectoryUnavailableException>(() =>
            slapd.NewClient(settings).ReadStructuresAsync().ToListAsync().AsTask()
        );
        Assert.Contains("compte de service", e.Message);
        using (new InEnglish())
        {
            var english = await Assert.ThrowsAsync<DirectoryUnavailableException>(() =>
                slapd.NewClient(settings).ReadStructuresAsync().ToListAsync().AsTask()
            );
            Assert.Contains("refused the service account", english.Message);
        }
    }

    [Fact]
    public async Task PasswordCheck_AcceptsOnlyTheRightPasswordOfTheRightPerson()
    {
        var directory = slapd.NewClient();
        var (login, key) = (Login(0), SampleDirectory.Key(Uid(0)));
        Assert.True(await directory.CheckAsync(login, key, SampleDirectory.Password));
        Assert.True(await directory.CheckAsync(login.ToUpperInvariant(), key, SampleDirectory.Password));
        Assert.False(await directory.CheckAsync(login, key, "Mauvais#Passe1"));
        Assert.False(await directory.CheckAsync(login, key, ""));
        Assert.False(await directory.CheckAsync(login, key, "   "));
        // Another person's login with this person's key, and the other way round.
        Assert.False(await directory.CheckAsync(Login(1), key, SampleDirectory.Password));
        Assert.False(await directory.CheckAsync("personne.inconnue", key, SampleDirectory.Password));
        // Filter text in the login is data: it names nobody.
        foreach (var injected in new[] { "*", "*)(uid=*", $"{login})(|(ENTPersonLogin=*", "*)(ENTPersonLogin=*" })
            Assert.False(await directory.CheckAsync(injected, key, SampleDirectory.Password));
    }

    private string Login(int index) => Sample.Find(SampleDirectory.StudentDn(0, index))!.Entry.Login!;

    private static string Uid(int index) => SampleDirectory.Uid("ELV", 0, index);

    private static string Json<T>(T record) => JsonSerializer.Serialize(record);
}
