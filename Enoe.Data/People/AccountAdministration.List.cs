using Enoe.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>The établissement's accounts as its admins page through them.</summary>
public sealed partial class AccountAdministration
{
    public async Task<Result<AccountPage>> ListAsync(
        CurrentUser admin,
        int schoolId,
        string? search,
        int page,
        int pageSize = 25,
        CancellationToken ct = default
    )
    {
        if (!await IsAdminAsync(admin, schoolId, ct))
            return Result.Forbidden();
        var query = db.Memberships.AsNoTracking().Where(m => m.SchoolId == schoolId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = TextSearch.Pattern(search);
            query = query.Where(m =>
                EF.Functions.Like(TextSearch.Folded(m.Person!.LastName), pattern, TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Folded(m.Person!.FirstName), pattern, TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Folded(m.Person!.UserName!), pattern, TextSearch.Escape)
            );
        }
        var total = await query.CountAsync(ct);
        page = Math.Max(1, page);
        var now = clock.GetUtcNow();
        var rows = await query
            .OrderBy(m => m.Person!.LastName)
            .ThenBy(m => m.Person!.FirstName)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(m => new
            {
                m.PersonId,
                m.Person!.FirstName,
                m.Person.LastName,
                m.Person.UserName,
                m.Profiles,
                m.Function,
                m.Functions,
                m.Person.MustChangePassword,
                m.Person.LockoutEnd,
                m.Person.DisabledAt,
                Local = m.Person.DirectoryKey == null,
            })
            .ToListAsync(ct);
        return Result<AccountPage>.Ok(
            new AccountPage(
                [
                    .. rows.Select(r => new AccountRow(
                        r.PersonId,
                        $"{r.FirstName} {r.LastName}",
                        r.UserName ?? "",
                        r.Profiles,
                        r.Function,
                        r.Functions,
                        r.MustChangePassword,
                        r.LockoutEnd > now,
                        r.DisabledAt != null,
                        r.Local
                    )),
                ],
                total,
                page,
                pageSize
            )
        );
    }
}
