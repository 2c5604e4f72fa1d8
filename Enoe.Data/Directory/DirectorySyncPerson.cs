using Enoe.Data.People;
using Enoe.Data.Structure;

namespace Enoe.Data.Directory;

/// <summary>
/// One entry's account: created, or brought exactly to what the entry says (and nothing else written).
/// </summary>
internal sealed partial class SyncPage
{
    private (DirectoryChangeKind?, Person?) Create(SyncWanted wanted, string?[] uais, List<DirectoryChange> changes)
    {
        // Someone the directory already schedules for deletion never had an account here: none is made for them.
        if (wanted.Deletion is not null)
            return (null, null);
        var person = new Person
        {
            FirstName = wanted.First,
            LastName = wanted.Last,
            BirthDate = wanted.BirthDate,
            DirectoryKey = wanted.Key,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = state.Now,
            CurrentSchoolId = wanted.Schools.Keys.First() is var first and > 0 ? first : null,
        };
        SetAccount(person, wanted);
        db.Users.Add(person);
        foreach (var _ in Memberships(person, wanted)) { }
        Apply(person, wanted, changes, uais);
        changes.Clear(); // a new account's rows are its creation, not changes
        changes.Add(
            new(
                DirectoryChangeKind.Created,
                uais[0],
                SyncState.Who(person),
                DirectoryMessages.FormatPerson_Created(ProfileNames.Of(wanted.Profiles))
            )
        );
        return (DirectoryChangeKind.Created, person);
    }

    private DirectoryChangeKind? Update(Person person, SyncWanted wanted, string?[] uais, List<DirectoryChange> changes)
    {
        if (wanted.Deletion is not null)
        {
            if (person.DisabledAt is not null)
                return null;
            Disable(person, state);
            changes.Add(
                new(
                    DirectoryChangeKind.Disabled,
                    uais[0],
                    SyncState.Who(person),
                    DirectoryMessages.FormatPerson_Disabled(state.DeletionDue.ToString("d"))
                )
            );
            return DirectoryChangeKind.Disabled;
        }
        var details = new List<string>();
        if (person.DisabledAt is not null)
        {
            person.DisabledAt = null;
            person.DeletionDueAt = null;
            details.Add(DirectoryMessages.Person_Reenabled);
        }
        var who = SyncState.Who(person);
        if (person.FirstName != wanted.First || person.LastName != wanted.Last)
            details.Add(
                DirectoryMessages.FormatChange_Name(
                    $"{person.FirstName} {person.LastName}",
                    $"{wanted.First} {wanted.Last}"
                )
            );
        if (person.UserName != wanted.Login)
            details.Add(DirectoryMessages.FormatChange_Login(person.UserName, wanted.Login));
        if (person.Email != wanted.Mail)
            details.Add(DirectoryMessages.Change_Mail);
        person.FirstName = wanted.First;
        person.LastName = wanted.Last;
        person.BirthDate = wanted.BirthDate;
        SetAccount(person, wanted);
        // Identity's optimistic concurrency: a UserManager update racing this one fails instead of undoing it.
        var entry_ = db.Entry(person);
        entry_.DetectChanges();
        if (entry_.State == Microsoft.EntityFrameworkCore.EntityState.Modified)
            person.ConcurrencyStamp = Guid.NewGuid().ToString();
        details.AddRange(Memberships(person, wanted));
        if (details.Count > 0)
            changes.Add(new(DirectoryChangeKind.Updated, uais[0], who, string.Join(" ; ", details)));
        Apply(person, wanted, changes, uais);
        return changes.Count == 0 ? null : DirectoryChangeKind.Updated;
    }

    /// <summary>Cut off at once: no sign-in, and open sessions end at their next check (the security stamp).</summary>
    public static void Disable(Person person, SyncState state)
    {
        person.DisabledAt = state.Now;
        person.DeletionDueAt = state.DeletionDue;
        person.SecurityStamp = Guid.NewGuid().ToString("N");
        person.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    private void SetAccount(Person person, SyncWanted wanted)
    {
        person.UserName = wanted.Login;
        person.NormalizedUserName = normalizer.NormalizeName(wanted.Login);
        person.Email = wanted.Mail;
        person.NormalizedEmail = wanted.Mail is null ? null : normalizer.NormalizeEmail(wanted.Mail);
    }

    /// <summary>
    /// One membership per établissement of the entry, with its profiles and function. The directory decides the
    /// profiles in its établissements (an admin right given by hand to a directory account is given through the
    /// directory, as direction); memberships in établissements it does not list are not its business.
    /// </summary>
    private IEnumerable<string> Memberships(Person person, SyncWanted wanted)
    {
        var existing = _memberships[person.Id].ToDictionary(m => m.SchoolId);
        foreach (
            var m in existing.Values.Where(m =>
                state.SchoolsById.ContainsKey(m.SchoolId) && !wanted.Schools.ContainsKey(m.SchoolId)
            )
        )
        {
            db.Memberships.Remove(m);
            yield return DirectoryMessages.FormatChange_Left(state.SchoolName(m.SchoolId));
        }
        foreach (var (schoolId, function) in wanted.Schools)
        {
            if (!existing.TryGetValue(schoolId, out var m))
            {
                db.Memberships.Add(
                    new Membership
                    {
                        Person = person,
                        SchoolId = schoolId,
                        Profiles = wanted.Profiles,
                        Function = function,
                        Functions = wanted.Functions[schoolId],
                    }
                );
                if (person.Id > 0)
                    yield return DirectoryMessages.FormatChange_Joined(
                        state.SchoolName(schoolId),
                        ProfileNames.Of(wanted.Profiles)
                    );
                continue;
            }
            if (m.Profiles != wanted.Profiles)
                yield return DirectoryMessages.FormatChange_Profiles(
                    state.SchoolName(schoolId),
                    ProfileNames.Of(wanted.Profiles)
                );
            if (m.Function != function)
                yield return DirectoryMessages.FormatChange_Function(state.SchoolName(schoolId), function);
            if (m.Functions != wanted.Functions[schoolId])
                yield return DirectoryMessages.FormatChange_Functions(
                    state.SchoolName(schoolId),
                    StaffFunctionNames.Of(wanted.Functions[schoolId])
                );
            m.Profiles = wanted.Profiles;
            m.Function = function;
            m.Functions = wanted.Functions[schoolId];
        }
    }
}
