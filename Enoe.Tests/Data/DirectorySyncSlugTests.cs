using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class DirectorySyncSlugTests
{
    [Fact]
    public async Task AnEtablissementTheDirectoryNamesLikeOneOfTheAppsPaths_GetsAnotherAddress()
    {
        await using var harness = await DirectorySyncHarness.CreateAsync();
        var uai = Uai.Create("0259977");
        harness.Directory.Structures.Add(
            new()
            {
                Dn = $"ENTStructureUAI={uai},ou=structures,o=test",
                Uai = uai,
                Name = "Gestion",
                Kind = "COLLEGE",
            }
        );

        await harness.RunAsync();

        await using var db = harness.Database.NewContext();
        Assert.Equal("gestion-2", await db.Schools.Where(s => s.Uai == uai).Select(s => s.Slug).SingleAsync());
    }
}
