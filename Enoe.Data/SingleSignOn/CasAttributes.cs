using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SingleSignOn;

/// <summary>Who a service is told it signed in: the login, and the attributes its registration releases.</summary>
public sealed record CasIdentity(string User, IReadOnlyList<KeyValuePair<string, string[]>> Attributes);

/// <summary>
/// What a service learns about a person, in the vocabulary its registration names (<see cref="AttributeSet"/>), read
/// from the database at validation (never from the ticket): someone who left between the two is refused.
/// </summary>
public static class CasAttributes
{
    /// <summary>Every attribute of each set, in the order a response lists them.</summary>
    public static readonly IReadOnlyDictionary<AttributeSet, string[]> Names = new Dictionary<AttributeSet, string[]>
    {
        [AttributeSet.Sdet] =
        [
            "ENTPersonLogin",
            "ENTPersonNom",
            "ENTPersonPrenom",
            "ENTPersonProfils",
            "ENTPersonStructRattachRNE",
            "ENTEleveClasses",
            "mail",
        ],
        [AttributeSet.PronoteStyle] = ["nom", "prenom", "dateNaissance", "categories", "eleveClasses"],
    };

    /// <summary>
    /// The person's identity for <paramref name="registration"/>, as they are in <paramref name="schoolId"/>; null
    /// when the account is switched off or gone. Attributes without a value are left out (ENOE keeps no date of
    /// birth: <c>dateNaissance</c> is never sent).
    /// </summary>
    internal static async Task<CasIdentity?> ReadAsync(
        EnoeDbContext db,
        int personId,
        int? schoolId,
        RegisteredService registration,
        CancellationToken ct
    )
    {
        var person = await db
            .Users.Where(p => p.Id == personId && p.DisabledAt == null)
            .Select(p => new
            {
                p.UserName,
                p.FirstName,
                p.LastName,
                p.Email,
                Profiles = db
                    .Memberships.Where(m => m.PersonId == p.Id && m.SchoolId == schoolId)
                    .Select(m => m.Profiles)
                    .FirstOrDefault(),
                Uai = db.Schools.Where(s => s.Id == schoolId).Select(s => s.Uai).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (person?.UserName is null)
            return null;
        var classNames = await db
            .Enrolments.Where(e => e.StudentId == personId && e.SchoolClass!.SchoolId == schoolId)
            .Select(e => e.SchoolClass!.Name)
            .ToListAsync(ct);
        string[] profiles = [.. National(person.Profiles)];
        // A class as the directory writes it, with the établissement's UAI in place of its DN: "0251234F$4e A".
        string[] classes = [.. classNames.Select(c => $"{person.Uai}${c}")];
        var values = registration.Attributes switch
        {
            AttributeSet.PronoteStyle => new Dictionary<string, string[]>
            {
                ["nom"] = [person.LastName],
                ["prenom"] = [person.FirstName],
                ["categories"] = profiles.Length == 0 ? [] : [string.Join(';', profiles)],
                ["eleveClasses"] = classes,
            },
            _ => new Dictionary<string, string[]>
            {
                ["ENTPersonLogin"] = [person.UserName],
                ["ENTPersonNom"] = [person.LastName],
                ["ENTPersonPrenom"] = [person.FirstName],
                ["ENTPersonProfils"] = profiles,
                ["ENTPersonStructRattachRNE"] = person.Uai is null ? [] : [person.Uai],
                ["ENTEleveClasses"] = classes,
                ["mail"] = string.IsNullOrEmpty(person.Email) ? [] : [person.Email],
            },
        };
        var released = Names[registration.Attributes]
            .Where(n => registration.Released.Length == 0 || registration.Released.Contains(n))
            .Where(n => values.TryGetValue(n, out var v) && v.Length > 0)
            .Select(n => KeyValuePair.Create(n, values[n]));
        return new CasIdentity(person.UserName, [.. released]);
    }

    /// <summary>
    /// ENOE's profiles as the national ones (<c>ENTPersonProfils</c>): the directory's mapping, read back.
    /// </summary>
    public static IEnumerable<string> National(Profile profiles)
    {
        if (profiles.HasFlag(Profile.Student))
            yield return "National_1";
        if (profiles.HasFlag(Profile.Parent))
            yield return "National_2";
        if (profiles.HasFlag(Profile.Teacher))
            yield return "National_3";
        if (profiles.HasFlag(Profile.SchoolAdmin))
            yield return "National_4";
        else if (profiles.HasFlag(Profile.Staff))
            yield return "National_6";
    }
}
