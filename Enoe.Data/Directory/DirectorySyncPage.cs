using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Directory;

/// <summary>
/// One page of people planned in one DbContext: what the page needs is read in a few set-based queries, each entry's
/// differences become changes to tracked rows (nothing else is written), and <see cref="Commit"/> folds the outcome
/// into the run once the page is saved, or planned only on a dry run. A page that fails to save is planned again
/// from scratch, so nothing of it reaches the report twice.
/// </summary>
internal sealed partial class SyncPage(SyncState state, EnoeDbContext db, ILookupNormalizer normalizer)
{
    private sealed record Outcome(
        DirectoryPersonEntry Entry,
        string?[] Uais,
        DirectoryChangeKind? Kind,
        Person? Person,
        List<DirectoryChange> Changes
    );

    private readonly List<Outcome> _outcomes = [];
    private readonly HashSet<string> _keys = [],
        _logins = [];
    private readonly Dictionary<(int SchoolId, string Code), Subject> _newSubjects = [];
    private Dictionary<string, Person> _byKey = [];
    private Dictionary<string, Person> _byLogin = [];
    private ILookup<int, Membership> _memberships = Empty<Membership>();
    private ILookup<int, Enrolment> _enrolments = Empty<Enrolment>();
    private ILookup<int, GroupEnrolment> _groupEnrolments = Empty<GroupEnrolment>();
    private ILookup<int, TeachingAssignment> _teaching = Empty<TeachingAssignment>();
    private ILookup<int, FormTutor> _tutors = Empty<FormTutor>();

    public async Task PlanAsync(
        IReadOnlyList<DirectoryPersonEntry> entries,
        Func<string, bool> validLogin,
        CancellationToken ct
    )
    {
        await LoadAsync(entries, ct);
        foreach (var entry in entries)
        {
            var wanted = SyncWanted.Read(state, entry, validLogin, out var uais, out var reason);
            var existing = entry.Key is { } k ? _byKey.GetValueOrDefault(k) : null;
            // The first entry with a jointure holds it, accepted or not: a second one never takes its account.
            var duplicate = entry.Key is { } key && (state.KeysRead.Contains(key) || !_keys.Add(key));
            reason ??= wanted is null ? null : Conflict(wanted, existing, duplicate);
            if (wanted is null || reason is not null)
            {
                var rejection = new DirectoryChange(
                    DirectoryChangeKind.Rejected,
                    uais[0],
                    SyncState.Who(entry),
                    reason!
                );
                _outcomes.Add(new(entry, uais, DirectoryChangeKind.Rejected, existing, [rejection]));
                continue;
            }
            _logins.Add(wanted.Login);
            var changes = new List<DirectoryChange>();
            var (kind, person) = existing is null
                ? Create(wanted, uais, changes)
                : (Update(existing, wanted, uais, changes), existing);
            _outcomes.Add(new(entry, uais, kind, person, changes));
        }
    }

    /// <summary>Folds the page into the run, once saved (or planned, on a dry run).</summary>
    public void Commit()
    {
        foreach (var ((schoolId, code), subject) in _newSubjects)
        {
            var id = subject.Id == 0 ? state.Invent() : subject.Id;
            state.Subjects[(schoolId, code)] = id;
            state.SubjectCodes[id] = subject.Code;
        }
        state.KeysRead.UnionWith(_keys);
        state.LoginsRead.UnionWith(_logins);
        foreach (var o in _outcomes)
        {
            state.Count(o.Uais, o.Kind);
            foreach (var change in o.Changes)
                state.Report.Add(change);
            if (o.Person is { Id: > 0 } seen)
                state.SeenIds.Add(seen.Id);
            if (o.Kind is DirectoryChangeKind.Rejected or DirectoryChangeKind.Disabled || o.Person is null)
                continue;
            if (o.Person.DisabledAt is not null)
                continue; // scheduled for deletion: its links stay as they are
            var id = o.Person.Id == 0 ? state.Invent() : o.Person.Id;
            state.AcceptedByDn[o.Entry.Dn] = new SyncAccepted(id, o.Kind, o.Uais)
            {
                Who = id < 0 ? SyncState.Who(o.Person) : null,
            };
            state.Links.AddRange(o.Entry.StudentParents.Select(dn => (id, dn, false)));
            state.Links.AddRange(o.Entry.ParentChildren.Select(dn => (id, dn, true)));
        }
    }

    private async Task LoadAsync(IReadOnlyList<DirectoryPersonEntry> entries, CancellationToken ct)
    {
        var keys = entries.Select(e => e.Key).OfType<string>().Distinct().ToList();
        var logins = entries
            .Select(e => e.Login?.Trim())
            .OfType<string>()
            .Select(l => normalizer.NormalizeName(l.ToLowerInvariant()))
            .Distinct()
            .ToList();
        var people = await db
            .Users.Where(p =>
                (p.DirectoryKey != null && keys.Contains(p.DirectoryKey)) || logins.Contains(p.NormalizedUserName!)
            )
            .ToListAsync(ct);
        _byKey = people.Where(p => p.DirectoryKey is not null).ToDictionary(p => p.DirectoryKey!);
        _byLogin = people.Where(p => p.NormalizedUserName is not null).ToDictionary(p => p.NormalizedUserName!);
        var ids = _byKey.Values.Select(p => p.Id).ToList();
        if (ids.Count == 0)
            return; // a first sync: nothing else to compare with
        _memberships = (await db.Memberships.Where(m => ids.Contains(m.PersonId)).ToListAsync(ct)).ToLookup(m =>
            m.PersonId
        );
        _enrolments = (await db.Enrolments.Where(e => ids.Contains(e.StudentId)).ToListAsync(ct)).ToLookup(e =>
            e.StudentId
        );
        _groupEnrolments = (await db.GroupEnrolments.Where(e => ids.Contains(e.StudentId)).ToListAsync(ct)).ToLookup(
            e => e.StudentId
        );
        _teaching = (await db.TeachingAssignments.Where(t => ids.Contains(t.TeacherId)).ToListAsync(ct)).ToLookup(t =>
            t.TeacherId
        );
        _tutors = (await db.Set<FormTutor>().Where(t => ids.Contains(t.TeacherId)).ToListAsync(ct)).ToLookup(t =>
            t.TeacherId
        );
    }

    /// <summary>
    /// Why the entry cannot have its account: its jointure or login was already read this run, or its login belongs
    /// to another account (a local one, or another jointure's): people are matched by jointure only, never by login.
    /// </summary>
    private string? Conflict(SyncWanted wanted, Person? existing, bool duplicate)
    {
        if (duplicate)
            return DirectoryMessages.FormatReject_DuplicateKey(wanted.Key);
        var owner = _byLogin.GetValueOrDefault(normalizer.NormalizeName(wanted.Login));
        if (
            state.LoginsRead.Contains(wanted.Login)
            || _logins.Contains(wanted.Login)
            || (owner is not null && owner != existing)
        )
            return DirectoryMessages.FormatReject_LoginTaken(wanted.Login);
        return null;
    }

    private static ILookup<int, T> Empty<T>() => Array.Empty<T>().ToLookup(_ => 0);
}
