using System.DirectoryServices.Protocols;
using Enoe.Data.Directory;
using Enoe.Tests.Support;
using Enoe.Tests.Support.TestDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// The whole chain an académie runs: a real OpenLDAP (SDET schema, a size limit below the number of people) read by
/// the LDAP client page by page, synced into the database. Each test has its own directory, since some change it.
/// </summary>
public sealed class DirectorySyncFromLdapTests
{
    [Fact]
    public async Task AFirstSync_CreatesExactlyWhatTheDirectoryHolds_AndASecondOneWritesNothing()
    {
        await using var slapd = await SlapdServer.StartAsync(new SampleDirectory());
        await using var database = await DatabaseReadingAsync(slapd);
        var sample = slapd.Sample;
        var sync = database.Get<DirectorySync>();

        var first = await sync.RunAsync(dryRun: false);

        Assert.True(first.Completed, first.Failure);
        var e = first.Entries;
        var good = sample.PeopleCount - SampleDirectory.Rejects - SampleDirectory.Leaving;
        // Someone the directory already schedules for deletion gets no account: read, nothing to do.
        Assert.Equal(
            (sample.PeopleCount, good, 0, SampleDirectory.Leaving, 0, SampleDirectory.Rejects, 0),
            (e.Read, e.Created, e.Updated, e.Unchanged, e.Disabled, e.Rejected, e.Gone)
        );
        // Per établissement: its students, their parents, its teachers, three staff, and the two people in both.
        var perSchool = sample.Students / sample.SchoolCount * 2 + sample.ClassesPerSchool + 3 + 2;
        var school0 = first.Schools.Single(s => s.Uai == SampleDirectory.Uai(0));
        var school1 = first.Schools.Single(s => s.Uai == SampleDirectory.Uai(1));
        Assert.Equal(
            (perSchool + 4, perSchool, 1, 3),
            (school0.Read, school0.Created, school0.Unchanged, school0.Rejected)
        );
        Assert.Equal(
            (perSchool, perSchool, 0, 0),
            (school1.Read, school1.Created, school1.Unchanged, school1.Rejected)
        );
        Assert.All(first.Schools, s => Assert.True(s.AddsUp, s.Uai));

        await using (var db = database.NewContext())
        {
            Assert.Equal(good, await db.Users.CountAsync(p => p.DirectoryKey != null));
            Assert.Equal(sample.Students / sample.SchoolCount, await EnrolledAsync(db, 1));
            Assert.Equal(
                2,
                await db.Users.CountAsync(p =>
                    p.Memberships.Count == 2
                    && (
                        p.DirectoryKey == KeyOf(SampleDirectory.TwoSchoolTeacher)
                        || p.DirectoryKey == KeyOf(SampleDirectory.TwoSchoolParent)
                    )
                )
            );
            // Every parent link, whichever side gave it: one per student, and the two-school parent's two.
            Assert.Equal(sample.Students + 2, await db.Guardianships.CountAsync());
            Assert.Equal(
                sample.SchoolCount * sample.ClassesPerSchool,
                await db.Set<Enoe.Data.Structure.FormTutor>().CountAsync()
            );
        }

        var second = await sync.RunAsync(dryRun: false);

        Assert.True(second.Completed, second.Failure);
        Assert.Equal(0, second.RowsWritten);
        Assert.Equal((sample.PeopleCount, 0, 0), (second.Entries.Read, second.Entries.Created, second.Entries.Updated));
        Assert.DoesNotContain(second.Changes, c => c.Kind is not DirectoryChangeKind.Rejected);
    }

    [Fact]
    public async Task AChangedDirectory_AppliesExactlyItsChanges_AndARemovedPersonIsDisabledAndScheduled()
    {
        await using var slapd = await SlapdServer.StartAsync(new SampleDirectory());
        await using var database = await DatabaseReadingAsync(slapd);
        var sync = database.Get<DirectorySync>();
        Assert.True((await sync.RunAsync(dryRun: false)).Completed);
        var student = SampleDirectory.StudentDn(0, 5); // in 6A
        var teacher = SampleDirectory.TeacherDn(0, 2); // teaches 4A and 3A
        var renamed = SampleDirectory.LifeOfficeDn(1);
        var leaving = SampleDirectory.StaffDn(0);
        var dated = SampleDirectory.DirectionDn(1);
        var stamp = await StampAsync(database, leaving);

        await slapd.MoveStudentAsync(student, 0, "5A");
        await slapd.AddParentLinkAsync(SampleDirectory.StudentDn(0, 7), SampleDirectory.ParentDn(0, 8));
        await slapd.RemoveTeacherClassAsync(teacher, 0, "3A");
        await slapd.ModifyAsync(renamed, DirectoryAttributeOperation.Replace, "ENTPersonNom", "Nouveau-Nom");
        await slapd.DeleteAsync(leaving);
        await slapd.ModifyAsync(dated, DirectoryAttributeOperation.Add, "ENTPersonDateSuppression", "31/12/2026");
        var report = await sync.RunAsync(dryRun: false);

        Assert.True(report.Completed, report.Failure);
        var e = report.Entries;
        Assert.Equal((0, 4, 1, 1), (e.Created, e.Updated, e.Disabled, e.Gone));
        Assert.Equal(slapd.Sample.PeopleCount - 1, e.Read);
        Assert.All(report.Schools, s => Assert.True(s.AddsUp, s.Uai));
        await using var db = database.NewContext();
        Assert.Equal(
            ["5A"],
            await db
                .Enrolments.Where(x => x.Student!.DirectoryKey == KeyOf(student))
                .Select(x => x.SchoolClass!.Name)
                .ToListAsync()
        );
        Assert.True(
            await db.Guardianships.AnyAsync(g =>
                g.Student!.DirectoryKey == KeyOf(SampleDirectory.StudentDn(0, 7))
                && g.Parent!.DirectoryKey == KeyOf(SampleDirectory.ParentDn(0, 8))
            )
        );
        Assert.Equal(
            ["4A"],
            await db
                .TeachingAssignments.Where(a => a.Teacher!.DirectoryKey == KeyOf(teacher) && a.SchoolClassId != null)
                .Select(a => a.SchoolClass!.Name)
                .Distinct()
                .ToListAsync()
        );
        Assert.Equal("Nouveau-Nom", (await db.Users.SingleAsync(p => p.DirectoryKey == KeyOf(renamed))).LastName);
        var gone = await db.Users.SingleAsync(p => p.DirectoryKey == KeyOf(leaving));
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now, gone.DisabledAt);
        Assert.Equal(now + new DirectoryOptions().DeletionDelay, gone.DeletionDueAt);
        Assert.NotEqual(stamp, gone.SecurityStamp); // its open sessions end at their next check
        var scheduled = await db.Users.SingleAsync(p => p.DirectoryKey == KeyOf(dated));
        Assert.Equal(
            (now, now + new DirectoryOptions().DeletionDelay),
            (scheduled.DisabledAt, scheduled.DeletionDueAt)
        );
    }

    private static async Task<TestDatabase> DatabaseReadingAsync(SlapdServer slapd) =>
        await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IDirectorySource>(slapd.NewClient()));

    private static string KeyOf(string dn) => SampleDirectory.Key(dn[4..dn.IndexOf(',')]);

    private static async Task<int> EnrolledAsync(Enoe.Data.EnoeDbContext db, int school) =>
        await db.Enrolments.CountAsync(x => x.SchoolClass!.School!.Uai == SampleDirectory.Uai(school));

    private static async Task<string?> StampAsync(TestDatabase database, string dn)
    {
        await using var db = database.NewContext();
        return (await db.Users.SingleAsync(p => p.DirectoryKey == KeyOf(dn))).SecurityStamp;
    }
}
