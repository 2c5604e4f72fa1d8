using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class AssignmentServiceTests
{
    [Fact]
    public async Task DeletingADevoir_WhileStudentsHandIn_NeverLosesAHandedInCopy()
    {
        // Eight devoirs, each deleted by its teacher at the moment a student hands in: either the deletion is refused
        // (the copy arrived first) or the hand-in finds the devoir gone. Never both, never a copy deleted with it.
        for (var round = 0; round < 8; round++)
        {
            var id = await SetAsync();
            var results = await Race.AtOnceAsync(
                2,
                i => i == 0 ? Assignments.DeleteAsync(As(_f.TeacherA), id) : HandInAsync(id)
            );
            var (deleted, handedIn) = (results[0].Succeeded, results[1].Succeeded);

            Assert.True(deleted != handedIn, $"round {round}: deleted {deleted}, handed in {handedIn}");
            await using var db = _database.NewContext();
            Assert.Equal(handedIn ? 1 : 0, await db.Set<Submission>().CountAsync(s => s.AssignmentId == id));
            if (!deleted)
                Assert.Equal(AssignmentMessages.HasSubmissions, results[0].Errors.Single());
        }
    }

    private async Task<Result> HandInAsync(int assignmentId) =>
        await Assignments.HandInAsync(As(_f.StudentA), assignmentId, [TestFiles.Pdf("copie.pdf")]);
}
