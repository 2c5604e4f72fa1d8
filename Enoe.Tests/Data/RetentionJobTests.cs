using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Data.Sessions;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Enoe.Tests.Data;

/// <summary>
/// The retention job deletes what is past its delay and keeps what is not; its dry run counts the same and deletes
/// nothing.
/// </summary>
public sealed class RetentionJobTests : TwoSchoolsTest
{
    [Fact]
    public async Task PastTheirDelays_RowsGo_OthersStay_AndTheDryRunCountsTheSameWithoutDeleting()
    {
        var ids = await SeedAsync();
        var job = Database.Get<RetentionJob>();

        var dry = await job.RunAsync(dryRun: true, requestedById: F.AdminA.Id);

        Assert.Equal(new RetentionCounts(2, 0, 1, 2, 1, 1, SsoHandOffs: 1, OidcTokens: 1), dry);
        await using (var db = Database.NewContext())
        {
            Assert.Equal(ids.People.Length, await db.Users.CountAsync(p => ids.People.Contains(p.Id)));
            Assert.Equal(2, await db.Set<DataAccessEntry>().CountAsync());
            Assert.Equal(2, await db.Set<MemoRecipient>().CountAsync(r => r.Folder == MemoFolder.Bin));
        }

        var real = await job.RunAsync(dryRun: false, requestedById: null);

        Assert.Equal(dry, real);
        await using var after = Database.NewContext();
        var left = await after.Users.Where(p => ids.People.Contains(p.Id)).Select(p => p.FirstName).ToListAsync();
        Assert.Equal(["Local89", "Dir89"], left.Order().Reverse());
        var log = await after.Set<DataAccessEntry>().SingleAsync();
        Assert.Equal(Now.AddMonths(-11), log.At);
        Assert.Equal(1, await after.Set<SignInSession>().CountAsync());
        Assert.Equal(Now.AddMonths(-5), (await after.Set<SsoHandOff>().SingleAsync()).At);
        // An OpenID Connect refresh token still valid stays; the expired code went, and its ad-hoc authorization.
        Assert.Equal("refresh_token", (await after.Set<OpenIddictEntityFrameworkCoreToken>().SingleAsync()).Type);
        Assert.Equal(1, await after.Set<OpenIddictEntityFrameworkCoreAuthorization>().CountAsync());
        // The bin mémo past its delay is gone for its owner; the recent one waits.
        Assert.Equal(
            [MemoFolder.Bin, MemoFolder.Deleted],
            (
                await after
                    .Set<MemoRecipient>()
                    .Where(r => r.MemoId == ids.OldMemo || r.MemoId == ids.NewMemo)
                    .OrderBy(r => r.MemoId == ids.OldMemo)
                    .Select(r => r.Folder)
                    .ToListAsync()
            )
        );
        Assert.Equal(DataExportStatus.Expired, (await after.Set<DataExport>().SingleAsync()).Status);
        var runs = await job.LastRunsAsync(10);
        Assert.Equal([false, true], runs.Select(r => r.Run.DryRun));
        Assert.Equal(dry, runs[1].Counts);
    }

    private async Task<(int[] People, int OldMemo, int NewMemo)> SeedAsync()
    {
        await using var db = Database.NewContext();
        Person Gone(string name, int daysAgo, bool directory)
        {
            var p = new Person
            {
                FirstName = name,
                LastName = "Parti",
                UserName = name.ToLowerInvariant(),
                DisabledAt = Now.AddDays(-daysAgo),
                DirectoryKey = directory ? name : null,
                DeletionDueAt = directory ? Now.AddDays(-daysAgo + 90) : null,
            };
            db.Add(p);
            return p;
        }
        Person[] people =
        [
            Gone("Local91", 91, false),
            Gone("Local89", 89, false),
            Gone("Dir91", 91, true),
            Gone("Dir89", 89, true),
        ];
        db.AddRange(
            Entry(Now.AddMonths(-13)),
            Entry(Now.AddMonths(-11)),
            Session(Now.AddMonths(-7)),
            Session(Now.AddMonths(-5)),
            new SignInSession // never signed out of: its last sighting dates it
            {
                PersonId = F.StudentA.Id,
                StartedAt = Now.AddMonths(-8),
                LastSeenAt = Now.AddMonths(-8),
            }
        );
        var resource = new SsoRegistration { Name = "Ressource", ServicePattern = "https://ressource.test/" };
        db.Add(resource);
        await db.SaveChangesAsync();
        db.AddRange(HandOff(Now.AddMonths(-7)), HandOff(Now.AddMonths(-5)));
        var old = Memo(Now.AddDays(-40));
        var recent = Memo(Now.AddDays(-10));
        db.Add(
            new DataExport
            {
                SubjectId = F.StudentA.Id,
                RequestedById = F.StudentA.Id,
                RequestedAt = Now.AddDays(-8),
                Status = DataExportStatus.Ready,
                FileKey = "absent.zip",
                ExpiresAt = Now.AddDays(-1),
            }
        );
        // One ad-hoc authorization whose only code has expired, one whose refresh token is still valid.
        foreach (
            var (type, expires) in new[]
            {
                ("authorization_code", Now.AddMinutes(-5)),
                ("refresh_token", Now.AddDays(3)),
            }
        )
            db.Add(
                new OpenIddictEntityFrameworkCoreToken
                {
                    Type = type,
                    Status = "valid",
                    CreationDate = Now.AddDays(-1),
                    ExpirationDate = expires,
                    Authorization = new()
                    {
                        Type = "ad-hoc",
                        Status = "valid",
                        CreationDate = Now.AddDays(-1),
                    },
                }
            );
        await db.SaveChangesAsync();
        return ([.. people.Select(p => p.Id)], old.Id, recent.Id);

        DataAccessEntry Entry(DateTime at) =>
            new()
            {
                StudentId = F.StudentA.Id,
                Kind = PersonalDataKind.Marks,
                ReaderId = F.AdminA.Id,
                ReaderName = "AdminA",
                ReaderFunction = ReaderFunctions.SchoolAdmin,
                At = at,
            };
        SignInSession Session(DateTime ended) =>
            new()
            {
                PersonId = F.StudentA.Id,
                StartedAt = ended.AddHours(-1),
                LastSeenAt = ended,
                EndedAt = ended,
                EndReason = SessionEnd.SignedOut,
            };
        SsoHandOff HandOff(DateTime at) =>
            new()
            {
                PersonId = F.StudentA.Id,
                RegistrationId = resource.Id,
                Service = "https://ressource.test/",
                TicketId = "ST-" + at.Ticks,
                At = at,
            };
        Memo Memo(DateTime sent)
        {
            var memo = new Memo
            {
                SchoolId = F.A.Id,
                SenderId = F.TeacherA.Id,
                Subject = "Sortie",
                SentAt = sent,
            };
            db.Add(memo);
            db.Add(
                new MemoRecipient
                {
                    Memo = memo,
                    PersonId = F.StudentA.Id,
                    Folder = MemoFolder.Bin,
                }
            );
            return memo;
        }
    }
}
