using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>A person's tabs: added, renamed, reordered, deleted, or reset to their default.</summary>
public sealed partial class LayoutService
{
    public async Task<Result<TabView>> AddTabAsync(CurrentUser user, string title, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Dashboard, ct: ct) is { } refused)
            return refused;
        if (ValidateTitle(title) is { } invalid)
            return invalid;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        if (!scope.Services.Runs(EntService.Dashboard))
            return Result.Forbidden(DashboardMessages.ServiceOff);
        // Every change to the person's tabs under their lock: the count and the next position hold until written.
        await using var transaction = await db.BeginTurnAsync<Person>(user.PersonId, ct);
        var positions = await TabsQuery(db, user, scope).Select(t => t.Position).ToListAsync(ct);
        if (positions.Count >= MaxTabs)
            return Result.Invalid([DashboardMessages.FormatTooManyTabs(MaxTabs)]);
        var tab = new DashboardTab
        {
            PersonId = user.PersonId,
            SchoolId = scope.SchoolId,
            Title = title.Trim(),
            Position = positions.DefaultIfEmpty(-1).Max() + 1,
        };
        db.Add(tab);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<TabView>.Ok(View(tab, scope));
    }

    public Task<Result<TabView>> RenameTabAsync(
        CurrentUser user,
        int tabId,
        string title,
        CancellationToken ct = default
    ) =>
        ValidateTitle(title) is { } invalid
            ? Task.FromResult<Result<TabView>>(invalid)
            : EditTabAsync(
                user,
                tabId,
                (tab, _) =>
                {
                    tab.Title = title.Trim();
                    return Result.Ok();
                },
                ct
            );

    /// <summary>Moves a tab one place left (-1) or right (+1) among the person's tabs; returns them all.</summary>
    public async Task<Result<IReadOnlyList<TabView>>> MoveTabAsync(
        CurrentUser user,
        int tabId,
        int offset,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Dashboard, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        await using var transaction = await db.BeginTurnAsync<Person>(user.PersonId, ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        var index = tabs.FindIndex(t => t.Id == tabId);
        if (index < 0)
            return Result.NotFound(DashboardMessages.TabNotFound);
        var other = index + Math.Sign(offset);
        if (other >= 0 && other < tabs.Count)
        {
            (tabs[index], tabs[other]) = (tabs[other], tabs[index]);
            for (var i = 0; i < tabs.Count; i++)
            {
                tabs[i].Position = i;
                tabs[i].Version++;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return Result<IReadOnlyList<TabView>>.Ok([.. tabs.Select(t => View(t, scope))]);
    }

    public async Task<Result> DeleteTabAsync(CurrentUser user, int tabId, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Dashboard, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        await using var transaction = await db.BeginTurnAsync<Person>(user.PersonId, ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        var tab = tabs.FirstOrDefault(t => t.Id == tabId);
        if (tab is null)
            return Result.NotFound(DashboardMessages.TabNotFound);
        if (tabs.Count == 1)
            return Result.Invalid([DashboardMessages.KeepOneTab]);
        if (tab.Placements.Any(p => p.Mandatory || p.Locked))
            return Result.Forbidden(DashboardMessages.TabHasImposed);
        db.Remove(tab);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    /// <summary>Back to the profile's default layout: the person's tabs here are replaced.</summary>
    public async Task<IReadOnlyList<TabView>> ResetAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Dashboard, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        await using var transaction = await db.BeginTurnAsync<Person>(user.PersonId, ct);
        await TabsQuery(db, user, scope).ExecuteDeleteAsync(ct);
        var tab = await CreateFromDefaultAsync(db, user, scope, ct);
        await transaction.CommitAsync(ct);
        return [View(tab, scope)];
    }
}
