using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

public sealed record SchoolRef(int Id, string Name);

public sealed record ChildRef(int Id, string DisplayName, int SchoolId, string SchoolName, string? ClassName);

public sealed record WorkspaceSchool(
    int Id,
    string Name,
    SchoolKind Kind,
    string Slug,
    string PrimaryColor,
    string? LogoPath,
    ServiceSet Services
);

/// <summary>
/// What the shell shows a signed-in person: where they work now, with which profiles (read from the
/// database, not the cookie), the other établissements they belong to and, for parents, their children.
/// </summary>
public sealed record Workspace(
    int PersonId,
    string DisplayName,
    string UserName,
    WorkspaceSchool? School,
    Profile Profiles,
    IReadOnlyList<SchoolRef> Schools,
    IReadOnlyList<ChildRef> Children,
    string AcademyName
)
{
    /// <summary>
    /// For a parent, the child whose pages they look at: always a child of the établissement they work in
    /// now, so the header, the news and every widget speak of that child's school.
    /// </summary>
    public int? SelectedChildId { get; init; }

    /// <summary>The staff functions held in the current établissement (the direction, the vie scolaire...).</summary>
    public StaffFunction Functions { get; init; }

    /// <summary>
    /// Whether the person holds <paramref name="right"/> across the current établissement by their membership (as
    /// read when the workspace was): what a menu shows. The services check it again on the server.
    /// </summary>
    public bool Holds(Right right) => FunctionRights.Allows(right, FunctionRights.Of(Profiles, Functions));

    [System.Text.Json.Serialization.JsonIgnore]
    public ChildRef? SelectedChild => Children.FirstOrDefault(c => c.Id == SelectedChildId);

    /// <summary>
    /// Whether the current établissement runs the service; académie admins outside any school have every service.
    /// </summary>
    public bool Runs(EntService service) =>
        School is null ? Profiles.HasAny(Profile.AcademyAdmin) : School.Services.Runs(service);

    /// <summary>
    /// The child whose records a page shows: the one selected, for a parent; none for anyone else (a student sees their
    /// own).
    /// </summary>
    public int? ChildViewed(int? selectedChildId) =>
        Profiles.HasAny(Profile.Parent) && !Profiles.HasAny(Profile.Student) ? selectedChildId : null;
}

public sealed class WorkspaceService(IDbContextFactory<EnoeDbContext> dbFactory)
{
    private sealed record PersonRow(
        string FirstName,
        string LastName,
        string? UserName,
        bool IsAcademyAdmin,
        int? ViewedChildId,
        string? Academy
    );

    private sealed record MembershipRow(
        PersonRow Person,
        Profile Profiles,
        StaffFunction Functions,
        WorkspaceSchool School
    );

    // Every page's first read, compiled (CompiledPerModel says why). Rooted at the person's memberships, the person
    // with each: the other way round (the person, then their memberships with their schools), SQLite cannot put the
    // person's id into the joined memberships and reads every membership of the académie on every page.
    private static readonly CompiledPerModel<
        Func<EnoeDbContext, int, IAsyncEnumerable<MembershipRow>>
    > MembershipsRead = new(() =>
        EF.CompileAsyncQuery(
            (EnoeDbContext db, int personId) =>
                db
                    .Memberships.Where(m => m.PersonId == personId)
                    .OrderBy(m => m.School!.Name)
                    .Select(m => new MembershipRow(
                        new PersonRow(
                            m.Person!.FirstName,
                            m.Person.LastName,
                            m.Person.UserName,
                            m.Person.IsAcademyAdmin,
                            m.Person.ViewedChildId,
                            db.Academies.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefault()
                        ),
                        m.Profiles,
                        m.Functions,
                        new WorkspaceSchool(
                            m.SchoolId,
                            m.School!.Name,
                            m.School.Kind,
                            m.School.Slug,
                            m.School.Branding.PrimaryColor,
                            m.School.Branding.LogoPath,
                            new ServiceSet(m.School.ClosedServices.Select(c => c.ServiceKey).ToList())
                        )
                    ))
        )
    );

    /// <summary>The person alone, for someone in no établissement (an académie admin).</summary>
    private static readonly CompiledPerModel<Func<EnoeDbContext, int, CancellationToken, Task<PersonRow?>>> PersonRead =
        new(() =>
            EF.CompileAsyncQuery(
                (EnoeDbContext db, int personId, CancellationToken ct) =>
                    db
                        .Users.Where(p => p.Id == personId)
                        .Select(p => new PersonRow(
                            p.FirstName,
                            p.LastName,
                            p.UserName,
                            p.IsAcademyAdmin,
                            p.ViewedChildId,
                            db.Academies.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefault()
                        ))
                        .FirstOrDefault()
            )
        );

    /// <summary>
    /// One round trip (two for parents, whose children are read too; two for someone who belongs to no
    /// établissement, an académie admin).
    /// </summary>
    public async Task<Workspace?> GetAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var memberships = await MembershipsRead.For(db)(db, user.PersonId).ToListAsync(ct);
        var person = memberships.FirstOrDefault()?.Person ?? await PersonRead.For(db)(db, user.PersonId, ct);
        if (person is null)
            return null;

        var current = memberships.FirstOrDefault(m => m.School.Id == user.SchoolId) ?? memberships.FirstOrDefault();
        var profiles =
            (current?.Profiles ?? Profile.None) | (person.IsAcademyAdmin ? Profile.AcademyAdmin : Profile.None);
        IReadOnlyList<ChildRef> children = memberships.Any(m => m.Profiles.HasAny(Profile.Parent))
            ? await ChildrenAsync(db, user.PersonId, ct)
            : [];

        // The child last chosen if they are at this établissement, else its first child here.
        var here = children.Where(c => c.SchoolId == current?.School.Id).ToList();
        var selected = (here.FirstOrDefault(c => c.Id == person.ViewedChildId) ?? here.FirstOrDefault())?.Id;

        return new Workspace(
            user.PersonId,
            $"{person.FirstName} {person.LastName}",
            person.UserName ?? "",
            current?.School,
            profiles,
            [.. memberships.Select(m => new SchoolRef(m.School.Id, m.School.Name))],
            children,
            person.Academy ?? "ENOE"
        )
        {
            SelectedChildId = selected,
            Functions = current?.Functions ?? StaffFunction.None,
        };
    }

    /// <summary>
    /// A parent chooses which child's pages to look at: the page moves to that child's établissement
    /// (the caller refreshes the sign-in cookie with the returned établissement). The child must be theirs,
    /// and the parent must belong to the child's établissement.
    /// </summary>
    public async Task<Result<int>> ChooseChildAsync(int parentId, int childId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Guardianships.AnyAsync(g => g.ParentId == parentId && g.StudentId == childId, ct))
            return Result.Forbidden(PeopleMessages.NotYourChild);
        var schoolId = await db
            .Enrolments.Where(e => e.StudentId == childId)
            .Select(e => (int?)e.SchoolClass!.SchoolId)
            .FirstOrDefaultAsync(ct);
        if (
            schoolId is null
            || !await db.Memberships.AnyAsync(m => m.PersonId == parentId && m.SchoolId == schoolId, ct)
        )
            return Result.Forbidden(PeopleMessages.ChildSchoolClosed);
        await db
            .Users.Where(p => p.Id == parentId)
            .ExecuteUpdateAsync(
                u => u.SetProperty(p => p.ViewedChildId, childId).SetProperty(p => p.CurrentSchoolId, schoolId),
                ct
            );
        return Result<int>.Ok(schoolId.Value);
    }

    private static async Task<IReadOnlyList<ChildRef>> ChildrenAsync(
        EnoeDbContext db,
        int parentId,
        CancellationToken ct
    ) =>
        await (
            from g in db.Guardianships
            where g.ParentId == parentId
            join e in db.Enrolments on g.StudentId equals e.StudentId into enrolments
            from e in enrolments.DefaultIfEmpty()
            orderby g.Student!.FirstName
            select new ChildRef(
                g.StudentId,
                g.Student!.FirstName + " " + g.Student.LastName,
                e == null ? 0 : e.SchoolClass!.SchoolId,
                e == null ? "" : e.SchoolClass!.School!.Name,
                e == null ? null : e.SchoolClass!.Name
            )
        )
            .AsNoTracking()
            .ToListAsync(ct);
}
