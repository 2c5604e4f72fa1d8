using System.Security.Cryptography;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Structure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

public sealed class NewAccount
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public Profile Profile { get; set; } = Profile.Student;
    public int? ClassId { get; set; }
    public string? Function { get; set; }
}

public sealed record CreatedAccount(int PersonId, string UserName, string TemporaryPassword);

public sealed record AccountRow(
    int Id,
    string DisplayName,
    string UserName,
    Profile Profiles,
    string? Function,
    StaffFunction Functions,
    bool MustChangePassword,
    bool LockedOut,
    bool Disabled = false,
    bool Local = true
);

public sealed record AccountPage(IReadOnlyList<AccountRow> Rows, int Total, int Page, int PageSize);

public sealed class NewAccountValidator : AbstractValidator<NewAccount>
{
    public static readonly Profile[] Allowed = [Profile.Student, Profile.Parent, Profile.Teacher, Profile.Staff];

    public NewAccountValidator()
    {
        RuleFor(a => a.FirstName)
            .Must(v => !string.IsNullOrWhiteSpace(v))
            .WithMessage(_ => PeopleMessages.Account_FirstNameRequired)
            .MaximumLength(100)
            .WithMessage(_ => PeopleMessages.FormatAccount_FirstNameTooLong(100));
        RuleFor(a => a.LastName)
            .Must(v => !string.IsNullOrWhiteSpace(v))
            .WithMessage(_ => PeopleMessages.Account_LastNameRequired)
            .MaximumLength(100)
            .WithMessage(_ => PeopleMessages.FormatAccount_LastNameTooLong(100));
        RuleFor(a => a.Profile).Must(p => Allowed.Contains(p)).WithMessage(_ => PeopleMessages.Account_ProfileRequired);
        RuleFor(a => a.ClassId)
            .NotNull()
            .When(a => a.Profile == Profile.Student)
            .WithMessage(_ => PeopleMessages.Account_ClassRequired);
        RuleFor(a => a.Function).MaximumLength(120).WithMessage(_ => PeopleMessages.FormatAccount_FunctionTooLong(120));
    }
}

/// <summary>
/// Accounts an admin établissement creates: a generated identifiant and a temporary password that
/// must be changed at first sign-in. Scoped to one HTTP request (it uses Identity's UserManager and its
/// DbContext): call it from static-rendered pages or endpoints, never from a circuit.
/// </summary>
public sealed partial class AccountAdministration(
    UserManager<Person> users,
    EnoeDbContext db,
    TimeProvider clock,
    Sessions.SignInSessions sessions
)
{
    private static readonly NewAccountValidator Validator = new();

    public async Task<Result<CreatedAccount>> CreateAsync(
        CurrentUser admin,
        int schoolId,
        NewAccount account,
        CancellationToken ct = default
    )
    {
        if (!await IsAdminAsync(admin, schoolId, ct))
            return Result.Forbidden(PeopleMessages.Account_AdminsOnly);
        var validation = await Validator.ValidateAsync(account, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        if (
            account.ClassId is int classId
            && !await db.Classes.AnyAsync(c => c.Id == classId && c.SchoolId == schoolId, ct)
        )
            return Result.Invalid([PeopleMessages.Account_ClassNotInSchool]);

        var person = NewPerson(account.FirstName, account.LastName, schoolId);
        var madeFrom = LoginFrom(person);
        person.UserName = await FreeUserNameAsync(madeFrom, ct);
        person.Memberships.Add(
            new Membership
            {
                SchoolId = schoolId,
                Profiles = account.Profile,
                Function = account.Function?.Trim(),
            }
        );
        if (account.Profile == Profile.Student)
            db.Enrolments.Add(new Enrolment { Student = person, SchoolClassId = account.ClassId!.Value });
        return await CreateWithTemporaryPasswordAsync(person, madeFrom, ct);
    }

    /// <summary>
    /// The first admin of an établissement the académie creates (<see cref="Schools.SchoolAdministration"/> checked
    /// the rights and the form, and holds the transaction this joins): a staff member who administers it, with the
    /// login asked for (or one made from the name) and a temporary password.
    /// </summary>
    internal async Task<Result<CreatedAccount>> CreateFirstAdminAsync(
        int schoolId,
        Schools.FirstAdmin admin,
        CancellationToken ct
    )
    {
        var person = NewPerson(admin.FirstName, admin.LastName, schoolId);
        // A login asked for and taken is refused by Identity's validator, in French (LocalizedIdentityErrorDescriber).
        string? madeFrom = null;
        person.UserName = string.IsNullOrWhiteSpace(admin.Login)
            ? await FreeUserNameAsync(madeFrom = LoginFrom(person), ct)
            : admin.Login.Trim();
        person.Memberships.Add(new Membership { SchoolId = schoolId, Profiles = Profile.Staff | Profile.SchoolAdmin });
        return await CreateWithTemporaryPasswordAsync(person, madeFrom, ct);
    }

    /// <summary>An account that must change its password at first sign-in.</summary>
    private Person NewPerson(string firstName, string lastName, int schoolId) =>
        new()
        {
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CurrentSchoolId = schoolId,
        };

    /// <param name="madeFrom">
    /// What the login was made from, when it was not asked for: another admin creating a login just found free
    /// (two admins entering the same Jean Dupont at once) makes this one take the next free one, as it would have a
    /// moment later. A login asked for and taken meanwhile is refused as taken.
    /// </param>
    private async Task<Result<CreatedAccount>> CreateWithTemporaryPasswordAsync(
        Person person,
        string? madeFrom,
        CancellationToken ct
    )
    {
        var password = TemporaryPassword();
        for (var attempt = 1; ; attempt++)
        {
            IdentityResult created;
            try
            {
                // One SaveChanges inside CreateAsync writes the person, the membership and the enrolment together.
                created = await users.CreateAsync(person, password);
            }
            catch (DbUpdateException e) when (Contention.IsDuplicate(e))
            {
                // Taken between Identity's check and the write. Inside a caller's transaction (a new établissement's
                // first admin), EF's savepoint undid the write: the transaction goes on.
                created = IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(person.UserName!));
            }
            // Taken since it was found free (Identity's check comes after the password's hashing, tens of ms).
            if (madeFrom is not null && attempt < 3 && created.Errors.Any(e => e.Code == Taken))
            {
                person.UserName = await FreeUserNameAsync(madeFrom, ct);
                continue;
            }
            if (!created.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Result.Invalid(created.Errors.Select(e => e.Description));
            }
            return Result<CreatedAccount>.Ok(new CreatedAccount(person.Id, person.UserName!, password));
        }
    }

    private const string Taken = nameof(IdentityErrorDescriber.DuplicateUserName); // the error's code

    private static string LoginFrom(Person person) => Slugs.From(person.FirstName) + "." + Slugs.From(person.LastName);

    public async Task<IReadOnlyList<(int Id, string Name)>> ClassesAsync(
        int schoolId,
        CancellationToken ct = default
    ) =>
        (
            await db
                .Classes.AsNoTracking()
                .Where(c => c.SchoolId == schoolId)
                .OrderBy(c => c.LevelId)
                .ThenBy(c => c.Name)
                .Select(c => new { c.Id, c.Name })
                .ToListAsync(ct)
        )
            .Select(c => (c.Id, c.Name))
            .ToList();

    private async Task<bool> IsAdminAsync(CurrentUser admin, int schoolId, CancellationToken ct) =>
        await db.IsAcademyAdminAsync(admin.PersonId, ct) || await db.IsSchoolAdminAsync(admin.PersonId, schoolId, ct);

    /// <summary>The comment on the look-up of free logins (tests interleave another creation after it).</summary>
    internal const string FreeLoginsTag = "free logins";

    private async Task<string> FreeUserNameAsync(string wanted, CancellationToken ct)
    {
        var taken = await db
            .Users.TagWith(FreeLoginsTag)
            .Where(u => u.UserName!.StartsWith(wanted))
            .Select(u => u.UserName!)
            .ToListAsync(ct);
        var name = wanted;
        for (var n = 2; taken.Contains(name, StringComparer.OrdinalIgnoreCase); n++)
            name = wanted + n;
        return name;
    }

    /// <summary>Twelve characters with upper, lower and digits, without look-alikes (0/O, 1/l/I).</summary>
    private static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKMNPQRSTUVWXYZ",
            lower = "abcdefghijkmnpqrstuvwxyz",
            digits = "23456789";
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            var set = (i % 3) switch
            {
                0 => upper,
                1 => lower,
                _ => digits,
            };
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
