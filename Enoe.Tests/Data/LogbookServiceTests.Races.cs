using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

public sealed partial class LogbookServiceTests
{
    [Fact]
    public async Task TwelveSavesOfOneVersionAtOnce_OneIsKept_TheOthersAreToldItChanged()
    {
        var created = (await Logbook.SaveAsync(As(_f.TeacherA), Draft("Version 1"))).Value!;

        var results = await Race.AtOnceAsync(
            12,
            i =>
            {
                var draft = Draft($"Version de l'onglet {i}");
                (draft.Id, draft.Version) = (created.Id, created.Version);
                return Logbook.SaveAsync(As(_f.TeacherA), draft);
            }
        );

        Assert.Single(results, r => r.Succeeded);
        Assert.All(
            results.Where(r => !r.Succeeded),
            r => Assert.Equal((ResultKind.Conflict, LogbookMessages.ChangedByAnother), (r.Kind, r.Errors.Single()))
        );
    }
}
