using System.Text.Json;
using System.Text.RegularExpressions;
using Enoe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// In English, the main pages of each profile carry no French: every interface text comes from the
/// English resources. What people wrote (names, news, mémos, carnet entries, subjects…) is data and
/// stays as written: every string the database holds is taken out of the page before looking.
/// </summary>
[Collection(PageSweepCollection.Name)]
public sealed partial class EnglishJourney(BrowserFixture browser)
{
    public static TheoryData<string> People() =>
        [
            "lucas.martin",
            "sophie.martin",
            "claire.fontaine",
            "helene.carpentier",
            "admin.victor-hugo",
            "admin.academie",
        ];

    /// <summary>
    /// Words that only French interface text would bring (articles, pronouns, the usual verbs and labels, days,
    /// months).
    /// </summary>
    private static readonly HashSet<string> FrenchWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "le",
        "la",
        "les",
        "des",
        "du",
        "une",
        "et",
        "est",
        "sont",
        "pour",
        "avec",
        "dans",
        "sur",
        "par",
        "pas",
        "aucun",
        "aucune",
        "vous",
        "votre",
        "vos",
        "ma",
        "mes",
        "nous",
        "ce",
        "cette",
        "ces",
        "qui",
        "que",
        "au",
        "aux",
        "rien",
        "tous",
        "toutes",
        "tout",
        "semaine",
        "jour",
        "jours",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "février",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "ajouter",
        "modifier",
        "supprimer",
        "enregistrer",
        "annuler",
        "rechercher",
        "retour",
        "connexion",
        "déconnexion",
        "passe",
        "élève",
        "élèves",
        "enseignant",
        "établissement",
        "matière",
        "devoirs",
        "carnet",
        "bord",
        "réservations",
        "compétences",
        "ressources",
        "accueil",
        "tableau",
        "onglet",
        "ouvrir",
        "fermer",
        "envoyer",
        "répondre",
        "lu",
        "lus",
        "non",
        "oui",
        "déjà",
        "depuis",
        "entre",
        "après",
        "avant",
        "heure",
        "heures",
        "aujourd'hui",
        "demain",
        "hier",
        "plus",
        "moins",
        "très",
        "nouveau",
        "nouvelle",
        "mémo",
        "mémos",
        "réglages",
        "afficher",
        "voir",
        "fichier",
        "fichiers",
        "envoyé",
        "reçus",
        "brouillon",
        "corbeille",
        "rendre",
        "rendu",
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task MainPages_InEnglish_HaveNoFrenchLeft(string userName)
    {
        var data = await DataStringsAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/culture/en?retour=/connexion");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", Enoe.Data.Demo.DemoSeeder.Password);
        await page.ClickAsync("button[type=submit]");
        await page.ReachDashboardAsync();
        await page.WaitForCircuitAsync();
        var paths = (
            await page.Locator("nav.enoe-drawer a")
                .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")
        )
            .Concat(["/compte/profil", "/compte/mot-de-passe"])
            .Distinct()
            .ToList();

        var problems = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            if (await page.Locator(".enoe-shell").CountAsync() > 0)
                await page.WaitForCircuitAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var french = FrenchIn(await InterfaceTextAsync(page), data);
            if (french.Count > 0)
                problems.Add($"{path}: {string.Join(" | ", french.Take(8))}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task SignInAndPublicPages_InEnglish_HaveNoFrenchLeft()
    {
        var data = await DataStringsAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/culture/en?retour=/connexion");
        var problems = new List<string>();
        foreach (var path in new[] { "/connexion", "/connexion?erreur=1", "/", "/college-victor-hugo", "/nexiste-pas" })
        {
            await page.GotoAsync(path);
            var french = FrenchIn(await InterfaceTextAsync(page), data);
            if (french.Count > 0)
                problems.Add($"{path}: {string.Join(" | ", french.Take(8))}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// What the page says: visible text and the texts assistive technologies read (labels, titles, placeholders).
    /// </summary>
    private static async Task<string> InterfaceTextAsync(IPage page) =>
        await page.EvaluateAsync<string>(
            """
            () => {
                // The link to the other language names it in its own language (lang="fr"): not interface French.
                const skip = e => e.closest('[lang]:not(html)') !== null;
                const texts = [document.body.innerText];
                for (const e of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
                    if (!skip(e))
                        for (const a of ['aria-label', 'title', 'placeholder', 'alt'])
                            if (e.getAttribute(a)) texts.push(e.getAttribute(a));
                for (const e of document.querySelectorAll('[lang]:not(html)'))
                    texts[0] = texts[0].split(e.innerText).join(' ');
                texts.push(document.title);
                return texts.join('\n');
            }
            """
        );

    /// <summary>The French words left once every string of the database is taken out of the text.</summary>
    private static List<string> FrenchIn(string text, IReadOnlyList<string> data)
    {
        // Case-blind: headings written in capitals by CSS come back capitalised from innerText.
        foreach (var value in data)
            if (text.Contains(value, StringComparison.OrdinalIgnoreCase))
                text = text.Replace(value, " ", StringComparison.OrdinalIgnoreCase);
        return
        [
            .. Words()
                .Matches(text)
                .Select(m => m.Value)
                .Where(w => FrenchWords.Contains(w) || FrenchLetters().IsMatch(w))
                .Distinct(),
        ];
    }

    /// <summary>
    /// Every string value the database holds (names, titles, subjects, contents, and each line of
    /// Markdown as it reads once rendered), longest first so that a title goes before its words.
    /// </summary>
    private async Task<IReadOnlyList<string>> DataStringsAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
        {
            var sql =
                $"SELECT DISTINCT \"{property.GetColumnName()}\" AS \"Value\" FROM "
                + $"\"{entity.GetTableName()}\" WHERE \"{property.GetColumnName()}\" IS NOT NULL";
            foreach (var value in await db.Database.SqlQueryRaw<string>(sql).ToListAsync())
            foreach (var piece in Pieces(value))
                values.Add(piece);
        }
        foreach (var person in await db.Users.Select(u => new { u.FirstName, u.LastName }).ToListAsync())
        {
            values.Add($"{person.FirstName} {person.LastName}");
            values.Add($"{person.LastName.ToUpperInvariant()} {person.FirstName}");
        }
        return [.. values.Where(v => v.Length >= 2).OrderByDescending(v => v.Length)];
    }

    private static IEnumerable<string> Pieces(string value)
    {
        yield return value;
        foreach (var line in value.Split('\n'))
        {
            var plain = MarkdownMarks().Replace(MarkdownLink().Replace(line, "$1"), "").Trim();
            if (plain.Length > 0)
                yield return plain;
            foreach (
                var cell in plain.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            )
                yield return cell;
        }
    }

    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)?")]
    private static partial Regex Words();

    [GeneratedRegex("[éèêàçùûôîïëœ]", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchLetters();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\s*(#+|>|[-*+]|\d+\.)\s+|\*\*|__|[*_`~]")]
    private static partial Regex MarkdownMarks();
}
