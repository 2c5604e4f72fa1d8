using Enoe.Data.People;
using Enoe.Tests.Support;
using static Enoe.Tests.Support.SmallDirectory;

namespace Enoe.Tests.Data;

/// <summary>The directory says what each member of staff does: their rights follow.</summary>
public sealed class DirectorySyncFunctionsTests
{
    [Fact]
    public async Task NationalProfilesAndFunctionCodes_GiveTheFunctions_AndAChangeIsReported()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        h.Directory.Change(
            "v1",
            v => v with { Functions = [$"{DnA}$EDU$Conseillère principale d'éducation", $"{DnA}$DOC$Documentaliste"] }
        );
        await h.RunAsync();

        Assert.Equal(StaffFunction.Direction, (await h.PersonAsync("d1")).Memberships.Single().Functions);
        Assert.Equal(
            StaffFunction.Cpe | StaffFunction.Librarian,
            (await h.PersonAsync("v1")).Memberships.Single().Functions
        );
        Assert.Equal(StaffFunction.None, (await h.PersonAsync("n7")).Memberships.Single().Functions);
        Assert.Equal(StaffFunction.None, (await h.PersonAsync("t1")).Memberships.First().Functions);

        // The CDI is no longer hers: the librarian's rights go, and the report says so.
        h.Directory.Change("v1", v => v with { Functions = [$"{DnA}$EDU$Conseillère principale d'éducation"] });
        var report = await h.RunAsync();
        Assert.Equal(StaffFunction.Cpe, (await h.PersonAsync("v1")).Memberships.Single().Functions);
        Assert.Contains(report.Changes, c => c.Detail.EndsWith("droits de « Vie scolaire (CPE) »"));
    }

    [Theory]
    [InlineData("DIR", StaffFunction.Direction)]
    [InlineData("EDU", StaffFunction.Cpe)]
    [InlineData("SUR", StaffFunction.Cpe)]
    [InlineData("doc", StaffFunction.Librarian)]
    [InlineData("ADF", StaffFunction.Office)]
    [InlineData("SEC", StaffFunction.Office)]
    [InlineData("OUV", StaffFunction.Agent)]
    [InlineData("LAB", StaffFunction.Agent)]
    [InlineData("ENS", StaffFunction.None)]
    [InlineData("XYZ", StaffFunction.None)]
    public async Task EachCode_GivesItsFunction(string code, StaffFunction expected)
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        h.Directory.Change("n7", n => n with { Functions = [$"{DnB}${code}$Quelqu'un"] });
        await h.RunAsync();
        Assert.Equal(expected, (await h.PersonAsync("n7")).Memberships.Single().Functions);
    }

    [Fact]
    public async Task InEnglish_TheReportedFunctionsArriveInEnglish()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        h.Directory.Change("n7", n => n with { Functions = [$"{DnB}$DOC$Documentaliste"] });
        using (new InEnglish())
        {
            var report = await h.RunAsync();
            Assert.Contains(report.Changes, c => c.Detail.EndsWith("rights of \"School librarian\""));
            Assert.Equal(
                "Senior leadership, Support staff",
                StaffFunctionNames.Of(StaffFunction.Direction | StaffFunction.Agent)
            );
        }
    }
}
