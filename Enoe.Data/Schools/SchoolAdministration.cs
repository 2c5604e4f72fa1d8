using Enoe.Data.Common;
using Enoe.Data.Directory;
using Enoe.Data.Modules;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Schools;

public sealed record SchoolRow(
    int Id,
    string Uai,
    string Name,
    SchoolKind Kind,
    string? City,
    string Slug,
    PedagogicalNetwork Network,
    bool ExternalAccess,
    bool Archived
);

/// <summary>What the académie's list asks for: words found in the name, UAI or town, and filters.</summary>
public sealed record SchoolQuery(
    string? Search = null,
    SchoolKind? Kind = null,
    string? City = null,
    EntService? Running = null,
    bool IncludeArchived = false,
    int Page = 1,
    int PageSize = 25
);

public sealed record SchoolPage(IReadOnlyList<SchoolRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record SchoolEdit(int Id, SchoolForm Form, DateTime? ArchivedAt);

/// <summary>A new établissement, and its first admin when one was created (the password is shown once).</summary>
public sealed record CreatedSchool(int Id, string Slug, CreatedAccount? Admin);

/// <summary>
/// The académie's list of établissements: search, create, edit, archive, and the CSV import and export. Only académie
/// admins, checked against the database on every call. A change of what a school runs or from where (external access,
/// networks, archiving, the services of an import) records one <see cref="ServiceSwitchChange"/> per service whose
/// state moved and tells open pages (<see cref="SchoolServicesChanged"/>) once committed.
/// </summary>
public sealed partial class SchoolAdministration(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IServiceScopeFactory scopes,
    EntServiceCatalog catalog,
    SchoolCsv csv,
    ServiceAccess access,
    TimeProvider clock,
    IOptions<DirectoryOptions> directory
)
{
    private static readonly SchoolFormValidator Validator = new();

    /// <summary>
    /// Whether new établissements get their admin from the académie's directory rather than a local account.
    /// </summary>
    public bool AdminsFromDirectory => directory.Value.IsConfigured;

    public async Task<Result<SchoolPage>> ListAsync(CurrentUser user, SchoolQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Console_AcademyOnly);
        var query = db.Schools.AsNoTracking();
        if (!q.IncludeArchived)
            query = query.Where(s => s.ArchivedAt == null);
        if (q.Kind is { } kind)
            query = query.Where(s => s.Kind == kind);
        if (!string.IsNullOrWhiteSpace(q.City))
            query = query.Where(s => s.City == q.City);
        if (q.Running is { } service)
            query = query.Where(EntServices.RunningIn(service));
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = TextSearch.Pattern(q.Search);
            query = query.Where(s =>
                EF.Functions.Like(TextSearch.Folded(s.Name), pattern, TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Folded(s.Uai), pattern, TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Folded(s.City!), pattern, TextSearch.Escape)
            );
        }
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await query
            .OrderBy(s => s.Name)
            .ThenBy(s => s.Uai)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(s => new SchoolRow(
                s.Id,
                s.Uai,
                s.Name,
                s.Kind,
                s.City,
                s.Slug,
                s.Network,
                s.ExternalAccess,
                s.ArchivedAt != null
            ))
            .ToListAsync(ct);
        return Result<SchoolPage>.Ok(new SchoolPage(rows, total, page, size));
    }

    /// <summary>The towns that have an établissement, for the list's filter.</summary>
    public async Task<Result<IReadOnlyList<string>>> CitiesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Console_AcademyOnly);
        var cities = await db
            .Schools.Where(s => s.City != null)
            .Select(s => s.City!)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(ct);
        return Result<IReadOnlyList<string>>.Ok(cities);
    }

    public async Task<Result<SchoolEdit>> GetAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Console_AcademyOnly);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return school is null
            ? Result.NotFound(SchoolMessages.School_NotFound)
            : Result<SchoolEdit>.Ok(new SchoolEdit(school.Id, SchoolForm.From(school), school.ArchivedAt));
    }

    /// <summary>The form's own rules, then the UAI and slug no other établissement has.</summary>
    private async Task<List<string>> CheckAsync(EnoeDbContext db, SchoolForm form, int? id, CancellationToken ct)
    {
        var errors = (await Validator.ValidateAsync(form, ct)).Errors.Select(e => e.ErrorMessage).ToList();
        if (errors.Count > 0)
            return errors;
        var uai = form.Uai.Trim().ToUpperInvariant();
        var slug = form.Slug.Trim();
        if (await db.Schools.AnyAsync(s => s.Uai == uai && s.Id != id, ct))
            errors.Add(SchoolMessages.FormatSchool_UaiTaken(uai));
        if (await db.Schools.AnyAsync(s => s.Slug == slug && s.Id != id, ct))
            errors.Add(SchoolMessages.FormatSchool_SlugTaken(slug));
        return errors;
    }

    /// <summary>
    /// Records the services whose state moved between <paramref name="before"/> and the school's state now.
    /// </summary>
    private void RecordChanges(
        EnoeDbContext db,
        School school,
        IReadOnlyDictionary<EntService, ServiceState> before,
        int? changedById
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (service, after) in ServiceStates.Of(school, catalog.All))
            if (before[service] != after)
                db.Add(
                    new ServiceSwitchChange
                    {
                        SchoolId = school.Id,
                        ServiceKey = service.Key,
                        Before = before[service],
                        After = after,
                        ChangedById = changedById,
                        ChangedAt = now,
                    }
                );
    }

    private async Task PublishAsync(IEnumerable<int> schoolIds)
    {
        foreach (var id in schoolIds)
            await access.ChangedAsync(id);
    }
}
