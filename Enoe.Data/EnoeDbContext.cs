using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.Database;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data;

/// <summary>
/// The one database of ENOE. Obtain it from <see cref="IDbContextFactory{TContext}"/>, one per
/// operation: never hold one in a component or a circuit. The instance is one of the providers' own
/// (<see cref="Database.SqliteEnoeDbContext"/>, <see cref="Database.PostgreSqlEnoeDbContext"/>): each
/// carries its migrations and what only its database needs. The factory's contexts are reused from a pool
/// (<see cref="Database.PooledContexts{TContext}"/>; a request scope's, for Identity and OpenIddict, are not): nothing
/// may keep state about a context beyond what EF resets (see <c>UsageCountingInterceptor.SavingChangesAsync</c>).
/// </summary>
public abstract class EnoeDbContext(DbContextOptions options)
    : IdentityDbContext<Person, IdentityRole<int>, int>(options)
{
    public DbSet<Academy> Academies => Set<Academy>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Guardianship> Guardianships => Set<Guardianship>();
    public DbSet<Level> Levels => Set<Level>();
    public DbSet<SchoolClass> Classes => Set<SchoolClass>();
    public DbSet<TeachingGroup> Groups => Set<TeachingGroup>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<GroupEnrolment> GroupEnrolments => Set<GroupEnrolment>();
    public DbSet<TeachingAssignment> TeachingAssignments => Set<TeachingAssignment>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<DashboardTab> DashboardTabs => Set<DashboardTab>();
    public DbSet<WidgetPlacement> WidgetPlacements => Set<WidgetPlacement>();
    public DbSet<DefaultLayout> DefaultLayouts => Set<DefaultLayout>();
    public DbSet<DigitalResource> DigitalResources => Set<DigitalResource>();
    public DbSet<Logbook.LogbookEntry> LogbookEntries => Set<Logbook.LogbookEntry>();
    public DbSet<Storage.StoredFile> StoredFiles => Set<Storage.StoredFile>();
    public DbSet<Assignments.Assignment> Assignments => Set<Assignments.Assignment>();
    public DbSet<Memos.Memo> Memos => Set<Memos.Memo>();
    public DbSet<Bookings.Booking> Bookings => Set<Bookings.Booking>();
    public DbSet<Grades.Assessment> Assessments => Set<Grades.Assessment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EnoeDbContext).Assembly);
        builder.UseOpenIddict(); // the OpenID Connect provider's clients, authorizations and tokens (SingleSignOn/)
        builder
            .HasDbFunction(typeof(TextSearch).GetMethod(nameof(TextSearch.Folded))!)
            .HasName(TextSearch.FoldFunction);
    }

    /// <summary>Which database this is, for the few statements that differ (bulk inserts, row locks).</summary>
    public abstract DatabaseProvider Provider { get; }
}
