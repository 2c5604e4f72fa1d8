using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Directory;

/// <summary>
/// The last steps of a completed read: guardianships, once every DN can be resolved, and the accounts whose entry is
/// gone. Neither runs after a failed read (a partial read would take half the académie for gone).
/// </summary>
public sealed partial class DirectorySync
{
    private const int Batch = 1000;

    /// <summary>
    /// The link given on either side (or both) of parent and child. Only links between two entries accepted this run
    /// are removed: a link with a local account, or with an entry skipped this time, stays as it is.
    /// </summary>
    private async Task SyncGuardianshipsAsync(SyncState state, CancellationToken ct)
    {
        var wanted = new HashSet<(int Parent, int Student)>();
        foreach (var (personId, dn, byParent) in state.Links)
            if (state.AcceptedByDn.TryGetValue(dn, out var other) && other.Id != personId)
                wanted.Add(byParent ? (personId, other.Id) : (other.Id, personId));
        state.Links.Clear();
        var accepted = state.AcceptedByDn.Values.ToDictionary(a => a.Id);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var have = (
            await db
                .Guardianships.Where(g => g.Parent!.DirectoryKey != null && g.Student!.DirectoryKey != null)
                .Select(g => new { g.ParentId, g.StudentId })
                .ToListAsync(ct)
        )
            .Select(g => (Parent: g.ParentId, Student: g.StudentId))
            .ToHashSet();
        var removed = have.Where(g =>
                accepted.ContainsKey(g.Parent) && accepted.ContainsKey(g.Student) && !wanted.Contains(g)
            )
            .ToList();
        var added = wanted.Where(g => !have.Contains(g)).ToList();
        await ReportLinksAsync(state, db, accepted, added, removed, ct);
        foreach (var chunk in added.Chunk(Batch))
        {
            db.ChangeTracker.Clear();
            db.Guardianships.AddRange(
                chunk.Select(g => new Guardianship { ParentId = g.Parent, StudentId = g.Student })
            );
            await SaveAsync(state, db, ct);
        }
        foreach (var chunk in removed.Chunk(Batch))
        {
            db.ChangeTracker.Clear();
            db.Guardianships.RemoveRange(
                chunk.Select(g => new Guardianship { ParentId = g.Parent, StudentId = g.Student })
            );
            await SaveAsync(state, db, ct);
        }
    }

    /// <summary>
    /// Each link made or ended, on the student's side; a student unchanged so far now counts as updated.
    /// </summary>
    private static async Task ReportLinksAsync(
        SyncState state,
        EnoeDbContext db,
        Dictionary<int, SyncAccepted> accepted,
        List<(int Parent, int Student)> added,
        List<(int Parent, int Student)> removed,
        CancellationToken ct
    )
    {
        var changed = added
            .Select(g => (g, true))
            .Concat(removed.Select(g => (g, false)))
            .Where(c => accepted[c.g.Student].Outcome != DirectoryChangeKind.Created)
            .ToList();
        var ids = changed.SelectMany(c => new[] { c.g.Parent, c.g.Student }).Where(id => id > 0).Distinct().ToList();
        var names = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(Batch))
        foreach (
            var p in await db
                .Users.AsNoTracking()
                .Where(p => chunk.Contains(p.Id))
                .Select(p => new
                {
                    p.Id,
                    p.FirstName,
                    p.LastName,
                    p.UserName,
                })
                .ToListAsync(ct)
        )
            names[p.Id] = $"{p.FirstName} {p.LastName} ({p.UserName})";
        string Name(int id) => names.GetValueOrDefault(id) ?? accepted[id].Who ?? "";
        foreach (var ((parent, student), isNew) in changed)
        {
            var who = accepted[student];
            var detail = isNew
                ? DirectoryMessages.FormatLink_Added(Name(parent))
                : DirectoryMessages.FormatLink_Removed(Name(parent));
            state.Report.Add(new(DirectoryChangeKind.Updated, who.Uais[0], Name(student), detail));
            if (who.Outcome is null)
            {
                state.Count(who.Uais, null, -1);
                state.Count(who.Uais, DirectoryChangeKind.Updated);
                who.Outcome = DirectoryChangeKind.Updated;
            }
        }
    }

    /// <summary>
    /// Directory accounts whose jointure this complete read did not meet: disabled now, deleted after the delay. Local
    /// accounts have no jointure and are never among them. A read that would take more than
    /// <see cref="DirectoryOptions.MaxGoneShare"/> of the accounts for gone is no real departure but a directory that
    /// answered "nobody" (a service account that lost its read rights, a wrong base): the run stops, nobody is
    /// disabled.
    /// </summary>
    private async Task DisableGoneAsync(SyncState state, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var enabled = await db
            .Users.Where(p => p.DirectoryKey != null && p.DisabledAt == null)
            .Select(p => p.Id)
            .ToListAsync(ct);
        var gone = enabled.Where(id => !state.SeenIds.Contains(id)).ToList();
        if (gone.Count > MinGoneChecked && gone.Count > enabled.Count * options.Value.MaxGoneShare)
            throw new DirectoryUnavailableException(
                DirectoryMessages.FormatFailure_TooManyGone(gone.Count, enabled.Count)
            );
        foreach (var chunk in gone.Chunk(Batch))
        {
            db.ChangeTracker.Clear();
            var people = await db
                .Users.Where(p => chunk.Contains(p.Id))
                .Include(p => p.Memberships)
                    .ThenInclude(m => m.School)
                .ToListAsync(ct);
            foreach (var person in people)
            {
                SyncPage.Disable(person, state);
                string?[] uais =
                    person.Memberships.Count == 0 ? [null] : [.. person.Memberships.Select(m => m.School!.Uai)];
                state.Count(uais, DirectoryChangeKind.Gone);
                var detail = DirectoryMessages.FormatPerson_Gone(state.DeletionDue.ToString("d"));
                state.Report.Add(new(DirectoryChangeKind.Gone, uais[0], SyncState.Who(person), detail));
            }
            await SaveAsync(state, db, ct);
        }
    }

    /// <summary>Below this many, departures are never taken for a broken read (a small académie's summer).</summary>
    private const int MinGoneChecked = 20;
}
