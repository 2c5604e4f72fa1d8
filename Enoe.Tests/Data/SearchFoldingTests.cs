using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// The database folds text as <see cref="TextSearch.Fold"/> does, on SQLite (a function registered per connection)
/// and on PostgreSQL (lower(unaccent(…)) from a migration): otherwise a search finds different people on each.
/// </summary>
public sealed class SearchFoldingTests
{
    [Theory]
    [InlineData("helene", "Hélène Lefèvre")]
    [InlineData("LEFEVRE", "Hélène Lefèvre")]
    [InlineData("oedipe", "Œdipe Ærø")]
    [InlineData("Ç", "François Çelik")]
    [InlineData("50%", "Zoé 50% Martin")] // an unescaped % would also find Jean 501 Durand
    [InlineData("_", "Anne_Marie Dupond")] // an unescaped _ would find everyone
    public async Task ASearch_FindsThePerson_WhateverTheCaseAndAccents_AndOnlyThem(string search, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            foreach (var (first, last) in Names)
                db.Users.Add(
                    new Person
                    {
                        FirstName = first,
                        LastName = last,
                        UserName = Slugs.From(first + last),
                    }
                );
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var pattern = TextSearch.Pattern(search);
        var found = await read
            .Users.Where(p =>
                EF.Functions.Like(TextSearch.Folded(p.FirstName + " " + p.LastName), pattern, TextSearch.Escape)
            )
            .Select(p => p.FirstName + " " + p.LastName)
            .ToListAsync();

        Assert.Equal([expected], found);
    }

    private static readonly (string First, string Last)[] Names =
    [
        ("Hélène", "Lefèvre"),
        ("Œdipe", "Ærø"),
        ("François", "Çelik"),
        ("Zoé", "50% Martin"),
        ("Jean", "501 Durand"),
        ("Anne_Marie", "Dupond"),
        ("Annie", "Lefort"),
    ];
}
