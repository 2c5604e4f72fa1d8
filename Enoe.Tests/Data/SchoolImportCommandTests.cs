using Enoe.App.Schools;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Enoe.Tests.Support.AcademyConsole;

namespace Enoe.Tests.Data;

/// <summary><c>--import-etablissements FILE</c>: its output and exit code are its whole interface.</summary>
public sealed class SchoolImportCommandTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly string _file = Path.Combine(
        Path.GetTempPath(),
        "enoe-tests",
        Guid.NewGuid().ToString("N") + ".csv"
    );

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await TwoSchools.CreateAsync(_database);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_file);
        await _database.DisposeAsync();
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await SchoolImportCommand.RunAsync(_database.Services, args, output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task AGoodFile_IsImported_PrintingWhatChanged_AsNobody()
    {
        await File.WriteAllBytesAsync(_file, Csv(Line(1), $"{Uai.Create("0250001")};Collège A;college;;;portail;oui"));

        var (code, output) = await RunAsync(SchoolImportCommand.Argument, _file);

        Assert.Equal(0, code);
        Assert.Contains($"created  {Uai.Create("0259001")} Collège n°1", output);
        Assert.Contains(
            $"updated  {Uai.Create("0250001")} Collège A (nom: Collège college-a -> Collège A, services:",
            output
        );
        Assert.EndsWith("1 created, 1 updated, 0 unchanged", output.TrimEnd());
        await using var db = _database.NewContext();
        Assert.NotEmpty(await db.Set<ServiceSwitchChange>().ToListAsync());
        Assert.All(await db.Set<ServiceSwitchChange>().ToListAsync(), c => Assert.Null(c.ChangedById));
    }

    [Fact]
    public async Task ABadLine_ExitsWith1_AndWritesNothing()
    {
        await File.WriteAllBytesAsync(_file, Csv(Line(1), Line(2, external: "peut-être")));

        var (code, output) = await RunAsync(SchoolImportCommand.Argument, _file);

        Assert.Equal(1, code);
        Assert.Equal("Ligne 3 : acces_exterieur « peut-être » : oui ou non.", output.Trim());
        await using var db = _database.NewContext();
        Assert.Equal(2, await db.Schools.CountAsync());
    }

    [Fact]
    public async Task AMissingFile_ExitsWith2()
    {
        var (code, output) = await RunAsync(SchoolImportCommand.Argument, _file);
        Assert.Equal(2, code);
        Assert.Contains("est introuvable", output);
    }
}
