using System.Text;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>The académie's console of établissements over a test database: an académie admin, CSV files.</summary>
public static class AcademyConsole
{
    /// <summary>Identity's account creation as the app has it (for the first admin of a new établissement).</summary>
    public static void AddAccounts(IServiceCollection services)
    {
        services
            .AddIdentityCore<Person>(o => o.Password.RequireNonAlphanumeric = false)
            .AddEntityFrameworkStores<EnoeDbContext>()
            .AddUserManager<EnoeUserManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddScoped<AccountAdministration>();
    }

    /// <summary>
    /// Makes <paramref name="person"/> an académie admin; returns them as signed in outside any school.
    /// </summary>
    public static async Task<CurrentUser> AcademyAdminAsync(TestDatabase database, Person person)
    {
        await using var db = database.NewContext();
        await db
            .Users.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsAcademyAdmin, true));
        return new CurrentUser(person.Id, person.FirstName, null, Profile.AcademyAdmin);
    }

    /// <summary>A file with the header and these lines, UTF-8, with or without a byte order mark.</summary>
    public static byte[] Csv(bool bom, params string[] lines) =>
        [
            .. bom ? Encoding.UTF8.GetPreamble() : [],
            .. Encoding.UTF8.GetBytes(string.Join("\r\n", [SchoolCsv.Header, .. lines]) + "\r\n"),
        ];

    public static byte[] Csv(params string[] lines) => Csv(false, lines);

    /// <summary>A line for a collège whose UAI is made from <paramref name="n"/>, every service running.</summary>
    public static string Line(int n, string name = "", string services = AllServices, string external = "oui") =>
        $"{Uai.Create($"0259{n:000}")};{(name == "" ? $"Collège n°{n}" : name)};college;Besançon;scribe;"
        + $"{services};{external}";

    public const string AllServices = "portail,site,carnet,memos,reservations,documents,notes,competences,ressources";
}
